// Written by `npm run gen:validators` from src/config/definition.ts and src/disburse/grant-definition.ts: do not edit.
// @ts-nocheck
"use strict";
export const validateConfig = validate10;
const schema11 = {"type":"object","properties":{"version":{"type":"integer","minimum":1,"maximum":1,"description":"config format version; 1","default":1},"stateDir":{"type":"string","description":"state directory, relative to the config file","default":".hmsops"},"gateway":{"type":"object","properties":{"url":{"type":"string","pattern":"^https?://[^/\\s]+/?$","x-hint":"the gateway URL such as http://10.0.0.5:8080","description":"a fleet run by an orchestrator (Kubernetes, podman kube play): the commands that talk to the gateway go to this URL (or --gateway, HMSOPS_GATEWAY)"},"enabled":{"type":"boolean","default":true},"port":{"type":"integer","minimum":0,"maximum":65535,"description":"fixed port of the gateway (0: any free port)","default":8080},"host":{"type":"string","default":"127.0.0.1"},"upstreamTimeout":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","default":"30s"},"bodyLimit":{"x-kind":"bytes","anyOf":[{"type":"string","pattern":"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},{"type":"integer","minimum":0,"maximum":1.7976931348623157e+308}],"default":"10mb"},"balancing":{"type":"string","enum":["round-robin","least-outstanding"],"default":"round-robin"},"cooldown":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"how long an instance that refused a connection stays out of rotation","default":"5s"},"auth":{"type":"boolean","description":"verify bearer tokens at the edge","default":true},"workers":{"type":"integer","minimum":1,"maximum":64,"description":"gateway processes sharing its port; up to one per core for throughput","default":1}},"additionalProperties":false},"registry":{"type":"object","properties":{"backend":{"type":"string","enum":["embedded","etcd"],"description":"embedded: a table in this host's daemon (one machine); etcd: a cluster every host's daemon publishes to and reads from","default":"embedded"},"ttl":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"an instance that has not heartbeated for this long is critical; with etcd, also the host lease's TTL","default":"10s"},"deregisterAfter":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"a critical instance silent for this long is removed","default":"1m"},"endpoints":{"type":"array","items":{"type":"string","pattern":"^https?://[^/]+/?$","x-hint":"an http:// or https:// URL of an etcd member (scheme, host and port)"},"minItems":1,"description":"etcd: the cluster's client URLs"},"prefix":{"type":"string","pattern":"^/([A-Za-z0-9._-]+/)+$","x-hint":"a key prefix such as /hmsops/grants/ (starts and ends with /)","description":"etcd: where this fleet's keys live; fleets sharing a cluster use different prefixes","default":"/hmsops/default/"},"user":{"type":"string","minLength":1,"description":"etcd: a user of etcd's own authentication"},"passwordFile":{"type":"string","minLength":1,"description":"etcd: a file (mode 0600) holding the user's password, relative to the config file"},"tls":{"type":"object","properties":{"ca":{"type":"string","minLength":1,"description":"the CA certificate etcd's certificate is checked against (PEM)"},"cert":{"type":"string","minLength":1,"description":"a client certificate (PEM), where etcd asks for one"},"key":{"type":"string","minLength":1,"description":"the client certificate's key (PEM, mode 0600)"}},"additionalProperties":false,"description":"etcd over https: files relative to the config file"}},"additionalProperties":false},"host":{"type":"object","properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$","x-hint":"a host name: letters, digits, dots and dashes","description":"this host's name in the registry (default: the machine's hostname)"},"advertise":{"type":"string","minLength":1,"description":"the address this host's instances listen on and are registered at: one other hosts reach (never 0.0.0.0)","default":"127.0.0.1"}},"additionalProperties":false,"description":"this machine, where a fleet spans several"},"fleet":{"type":"object","properties":{"secretFile":{"type":"string","minLength":1,"description":"a file (mode 0600) every host of the fleet has, the same on each: the key of the identity a gateway forwards to services on any host (default: a secret of this daemon, one machine)"}},"additionalProperties":false,"description":"what every host of the fleet shares"},"logs":{"type":"object","properties":{"maxSize":{"x-kind":"bytes","anyOf":[{"type":"string","pattern":"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},{"type":"integer","minimum":0,"maximum":1.7976931348623157e+308}],"description":"rotate an instance log at this size","default":"10mb"},"maxFiles":{"type":"integer","minimum":1,"maximum":100,"default":3}},"additionalProperties":false},"smtp":{"type":"object","properties":{"url":{"type":"string","pattern":"^smtps?:\\/\\/","x-hint":"an smtp:// or smtps:// URL"}},"additionalProperties":false,"description":"where messaging delivers mail (default: the bundled mail sink)"},"ach":{"type":"object","properties":{"odfi":{"type":"object","required":["sftp"],"properties":{"sftp":{"type":"object","required":["url","privateKeyFile","hostKey"],"properties":{"url":{"type":"string","pattern":"^sftp://[^@/]+@[^/]+$","x-hint":"an sftp://USER@HOST:PORT URL","description":"the ODFI's SFTP server"},"privateKeyFile":{"type":"string","minLength":1,"description":"the private key (mode 0600) hmsops logs in with, relative to the config file"},"hostKey":{"type":"string","pattern":"^SHA256:[A-Za-z0-9+/]{43}$","x-hint":"a host key fingerprint as ssh-keygen -l prints it: SHA256: and 43 characters","description":"the server's host key, pinned"},"outbound":{"type":"string","minLength":1,"description":"the remote folder files are sent to","default":"/outbound"},"inbound":{"type":"string","minLength":1,"description":"the remote folder the bank leaves returns in","default":"/inbound"}},"additionalProperties":false,"description":"how files reach the ODFI"},"cutoffs":{"type":"array","items":{"type":"string","pattern":"^([01]\\d|2[0-3]):[0-5]\\d$","x-hint":"a time of day such as 10:30"},"minItems":1,"description":"the bank's processing windows: a file is sent before the next one","default":["10:30","14:45"]},"timezone":{"type":"string","minLength":1,"description":"the time zone of the cutoffs (IANA name)","default":"America/New_York"},"sameDayCutoffs":{"type":"array","items":{"type":"string","pattern":"^([01]\\d|2[0-3]):[0-5]\\d$","x-hint":"a time of day such as 14:45"},"minItems":1,"description":"the bank's Same Day ACH cutoffs (`disburse --same-day`), in `timezone`","default":["10:30","14:45","16:45"]},"sendLead":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"how long before a cutoff its files go up; a same-day payment must be sent before then","default":"15m"},"merge":{"type":"boolean","description":"true: the files cut for a window go to the bank merged, `sendLead` before its cutoff (or at once with `hmsops ach send`); false: each file as soon as it is cut","default":true},"maxLines":{"type":"integer","minimum":20,"maximum":1000000,"description":"records a merged file may have, padding included (the bank's limit)","default":10000},"maxEntries":{"type":"integer","minimum":1,"description":"entries and addenda a merged file may have, if the bank has such a limit"},"pgp":{"type":"object","required":["bankPublicKeyFile","privateKeyFile"],"properties":{"bankPublicKeyFile":{"type":"string","minLength":1,"description":"the bank's OpenPGP public key (armored, mode 0600): files sent are encrypted to it, files received must be signed by it"},"privateKeyFile":{"type":"string","minLength":1,"description":"our OpenPGP private key (armored, mode 0600): files sent are signed with it, files received decrypted"},"passphraseFile":{"type":"string","minLength":1,"description":"a file (mode 0600) holding the private key's passphrase, if it has one"}},"additionalProperties":false,"description":"files to and from the bank encrypted and signed (OpenPGP); paths relative to the config file"}},"additionalProperties":false,"description":"the originating bank (ODFI): files sent to it over SFTP"},"prenote":{"type":"boolean","description":"true: every grant sends a zero-dollar prenote to an account the ledger never paid, and its payment waits three banking days after the prenote settles (a grant's own `prenote` wins)","default":false}},"additionalProperties":false,"description":"ACH settings that are not about processes"},"approvals":{"type":"object","required":["over"],"properties":{"over":{"type":"string","pattern":"^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$","x-hint":"an amount in dollars such as \"$10,000.00\"","description":"a grant whose total, or any one payment, is over this is paid only once a second user with the approver role approves it"}},"additionalProperties":false,"description":"dual approval (maker-checker) of large grants"},"store":{"type":"object","properties":{"backend":{"type":"string","enum":["sqlite","postgres"],"description":"sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share","default":"sqlite"},"url":{"type":"string","pattern":"^postgres(ql)?://","x-hint":"a postgres:// URL","description":"postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it"},"passwordFile":{"type":"string","minLength":1,"description":"a file holding the database user's password, relative to the config file (else PGPASSWORD)"},"tls":{"type":"object","properties":{"ca":{"type":"string","minLength":1,"description":"the CA certificate the server's certificate is checked against (PEM)"},"cert":{"type":"string","minLength":1,"description":"a client certificate (PEM), where the server asks for one"},"key":{"type":"string","minLength":1,"description":"the client certificate's key (PEM, mode 0600)"}},"additionalProperties":false,"description":"PostgreSQL over TLS, the server's certificate verified (name and CA; without ca, the system's CAs): files relative to the config file"}},"additionalProperties":false,"description":"the bundled services' store"},"services":{"type":"object","additionalProperties":{"type":"object","properties":{"command":{"type":"string","minLength":1,"description":"shell command that starts one instance; gets PORT and HOST (host.advertise, 127.0.0.1 by default) to listen on"},"cwd":{"type":"string","description":"working directory, relative to the config file","default":"."},"env":{"type":"object","x-kind":"stringMap","additionalProperties":{"type":["string","number","boolean"]},"description":"extra environment variables"},"instances":{"type":"integer","minimum":0,"maximum":64,"description":"how many instances to run","default":1},"route":{"type":"string","pattern":"^(\\/[A-Za-z0-9._~-]+)+$|^none$","x-hint":"a path prefix such as /billing, or none","description":"gateway route prefix (default /<name>, /mail for mail-sink); none keeps it off the gateway"},"version":{"type":"string","description":"version reported in the registry (default: bundled for bundled services, 0.0.0 for others)"},"rateLimit":{"type":"object","required":["requests"],"properties":{"requests":{"type":"integer","minimum":1,"maximum":1000000,"description":"requests one client may make per period"},"per":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"the period","default":"1s"},"burst":{"type":"integer","minimum":1,"maximum":1000000,"description":"requests at once after a quiet spell (default: requests)"}},"additionalProperties":false,"description":"a limit per client address at the gateway: over it, 429 RATE_LIMITED with Retry-After"},"health":{"type":"object","properties":{"path":{"type":"string","pattern":"^/","x-hint":"a path starting with /","description":"shortcut: one path for liveness and readiness"},"liveness":{"type":"object","properties":{"path":{"type":"string","pattern":"^/","x-hint":"a path starting with /","description":"HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)"},"interval":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"time between probes","default":"2s"},"timeout":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"a probe slower than this fails","default":"1s"},"failureThreshold":{"type":"integer","minimum":1,"description":"consecutive failures before the probe counts as failed","default":3},"successThreshold":{"type":"integer","minimum":1,"description":"consecutive successes before it counts as passing again","default":1},"startPeriod":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"failures during this time after start do not count","default":"10s"}},"additionalProperties":false,"description":"An HTTP liveness probe with Kubernetes semantics"},"readiness":{"type":"object","properties":{"path":{"type":"string","pattern":"^/","x-hint":"a path starting with /","description":"HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)"},"interval":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"time between probes","default":"1s"},"timeout":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"a probe slower than this fails","default":"1s"},"failureThreshold":{"type":"integer","minimum":1,"description":"consecutive failures before the probe counts as failed","default":1},"successThreshold":{"type":"integer","minimum":1,"description":"consecutive successes before it counts as passing again","default":1},"startPeriod":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"failures during this time after start do not count","default":"0s"}},"additionalProperties":false,"description":"An HTTP readiness probe with Kubernetes semantics"}},"additionalProperties":false},"restart":{"type":"object","properties":{"policy":{"type":"string","enum":["on-failure","always","never"],"default":"on-failure"},"initialBackoff":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","default":"100ms"},"maxBackoff":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","default":"10s"},"minUptime":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"an instance up this long resets its backoff","default":"10s"},"maxRestarts":{"type":"integer","minimum":0,"description":"restarts allowed within the window before crash-looping","default":5},"window":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","default":"1m"}},"additionalProperties":false,"description":"restart policy with exponential backoff"},"store":{"type":"object","properties":{"backend":{"type":"string","enum":["sqlite","postgres"],"description":"sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share"},"url":{"type":"string","pattern":"^postgres(ql)?://","x-hint":"a postgres:// URL","description":"postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it"},"passwordFile":{"type":"string","minLength":1,"description":"a file holding the database user's password, relative to the config file (else PGPASSWORD)"},"tls":{"type":"object","properties":{"ca":{"type":"string","minLength":1,"description":"the CA certificate the server's certificate is checked against (PEM)"},"cert":{"type":"string","minLength":1,"description":"a client certificate (PEM), where the server asks for one"},"key":{"type":"string","minLength":1,"description":"the client certificate's key (PEM, mode 0600)"}},"additionalProperties":false,"description":"PostgreSQL over TLS, the server's certificate verified (name and CA; without ca, the system's CAs): files relative to the config file"}},"additionalProperties":false,"description":"this service's store, where it differs from the fleet's (its own database user, say)"},"stopTimeout":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"time between SIGTERM and SIGKILL","default":"10s"},"drainDelay":{"type":"string","x-kind":"duration","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$","x-hint":"a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)","description":"time between deregistering and SIGTERM, so routers stop sending","default":"100ms"}},"additionalProperties":false,"description":"One service of the fleet: a bundled one (auth, ach, analytics, messaging, mail-sink) or any program with a command"},"propertyNames":{"pattern":"^[a-z][a-z0-9-]{0,30}$"},"description":"the services (default: the bundled ones)"}},"additionalProperties":false,"description":"hmsops fleet configuration"};
const func2 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^https?://[^/\\s]+/?$", "u");
const pattern1 = new RegExp("^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$", "u");
const pattern2 = new RegExp("^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$", "u");
const pattern6 = new RegExp("^https?://[^/]+/?$", "u");
const pattern7 = new RegExp("^/([A-Za-z0-9._-]+/)+$", "u");
const pattern8 = new RegExp("^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$", "u");
const pattern10 = new RegExp("^smtps?:\\/\\/", "u");
const pattern11 = new RegExp("^sftp://[^@/]+@[^/]+$", "u");
const pattern12 = new RegExp("^SHA256:[A-Za-z0-9+/]{43}$", "u");
const pattern13 = new RegExp("^([01]\\d|2[0-3]):[0-5]\\d$", "u");
const pattern16 = new RegExp("^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$", "u");
const pattern17 = new RegExp("^postgres(ql)?://", "u");
const pattern18 = new RegExp("^[a-z][a-z0-9-]{0,30}$", "u");
const pattern19 = new RegExp("^(\\/[A-Za-z0-9._~-]+)+$|^none$", "u");
const pattern21 = new RegExp("^/", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.version.type,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 1 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.stateDir !== undefined){
let data1 = data.stateDir;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/stateDir",schemaPath:"#/properties/stateDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.stateDir.type,parentSchema:schema11.properties.stateDir,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.gateway !== undefined){
let data2 = data.gateway;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!(func2.call(schema11.properties.gateway.properties, key1))){
const err5 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.url !== undefined){
let data3 = data2.url;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err6 = {instancePath:instancePath+"/gateway/url",schemaPath:"#/properties/gateway/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^/\\s]+/?$"},message:"must match pattern \""+"^https?://[^/\\s]+/?$"+"\"",schema:"^https?://[^/\\s]+/?$",parentSchema:schema11.properties.gateway.properties.url,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/gateway/url",schemaPath:"#/properties/gateway/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.url.type,parentSchema:schema11.properties.gateway.properties.url,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.enabled !== undefined){
let data4 = data2.enabled;
if(typeof data4 !== "boolean"){
const err8 = {instancePath:instancePath+"/gateway/enabled",schemaPath:"#/properties/gateway/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.gateway.properties.enabled.type,parentSchema:schema11.properties.gateway.properties.enabled,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.port !== undefined){
let data5 = data2.port;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err9 = {instancePath:instancePath+"/gateway/port",schemaPath:"#/properties/gateway/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.gateway.properties.port.type,parentSchema:schema11.properties.gateway.properties.port,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 65535 || isNaN(data5)){
const err10 = {instancePath:instancePath+"/gateway/port",schemaPath:"#/properties/gateway/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema11.properties.gateway.properties.port,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/gateway/port",schemaPath:"#/properties/gateway/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.gateway.properties.port,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data2.host !== undefined){
let data6 = data2.host;
if(typeof data6 !== "string"){
const err12 = {instancePath:instancePath+"/gateway/host",schemaPath:"#/properties/gateway/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.host.type,parentSchema:schema11.properties.gateway.properties.host,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data2.upstreamTimeout !== undefined){
let data7 = data2.upstreamTimeout;
if(typeof data7 === "string"){
if(!pattern1.test(data7)){
const err13 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.gateway.properties.upstreamTimeout,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.upstreamTimeout.type,parentSchema:schema11.properties.gateway.properties.upstreamTimeout,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.bodyLimit !== undefined){
let data8 = data2.bodyLimit;
const _errs23 = errors;
let valid2 = false;
const _errs24 = errors;
if(typeof data8 === "string"){
if(!pattern2.test(data8)){
const err15 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"+"\"",schema:"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$",parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[0],data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.bodyLimit.anyOf[0].type,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[0],data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid0 = _errs24 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs26 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err17 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.gateway.properties.bodyLimit.anyOf[1].type,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[1],data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 1.7976931348623157e+308 || isNaN(data8)){
const err18 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[1],data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err19 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[1],data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var _valid0 = _errs26 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err20 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.gateway.properties.bodyLimit.anyOf,parentSchema:schema11.properties.gateway.properties.bodyLimit,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
}
if(data2.balancing !== undefined){
let data9 = data2.balancing;
if(typeof data9 !== "string"){
const err21 = {instancePath:instancePath+"/gateway/balancing",schemaPath:"#/properties/gateway/properties/balancing/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.balancing.type,parentSchema:schema11.properties.gateway.properties.balancing,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!((data9 === "round-robin") || (data9 === "least-outstanding"))){
const err22 = {instancePath:instancePath+"/gateway/balancing",schemaPath:"#/properties/gateway/properties/balancing/enum",keyword:"enum",params:{allowedValues: schema11.properties.gateway.properties.balancing.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.gateway.properties.balancing.enum,parentSchema:schema11.properties.gateway.properties.balancing,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data2.cooldown !== undefined){
let data10 = data2.cooldown;
if(typeof data10 === "string"){
if(!pattern1.test(data10)){
const err23 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.gateway.properties.cooldown,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.cooldown.type,parentSchema:schema11.properties.gateway.properties.cooldown,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data2.auth !== undefined){
let data11 = data2.auth;
if(typeof data11 !== "boolean"){
const err25 = {instancePath:instancePath+"/gateway/auth",schemaPath:"#/properties/gateway/properties/auth/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.gateway.properties.auth.type,parentSchema:schema11.properties.gateway.properties.auth,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data2.workers !== undefined){
let data12 = data2.workers;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err26 = {instancePath:instancePath+"/gateway/workers",schemaPath:"#/properties/gateway/properties/workers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.gateway.properties.workers.type,parentSchema:schema11.properties.gateway.properties.workers,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 64 || isNaN(data12)){
const err27 = {instancePath:instancePath+"/gateway/workers",schemaPath:"#/properties/gateway/properties/workers/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64",schema:64,parentSchema:schema11.properties.gateway.properties.workers,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data12 < 1 || isNaN(data12)){
const err28 = {instancePath:instancePath+"/gateway/workers",schemaPath:"#/properties/gateway/properties/workers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.gateway.properties.workers,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.gateway.type,parentSchema:schema11.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.registry !== undefined){
let data13 = data.registry;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key2 in data13){
if(!((((((((key2 === "backend") || (key2 === "ttl")) || (key2 === "deregisterAfter")) || (key2 === "endpoints")) || (key2 === "prefix")) || (key2 === "user")) || (key2 === "passwordFile")) || (key2 === "tls"))){
const err30 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.registry,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data13.backend !== undefined){
let data14 = data13.backend;
if(typeof data14 !== "string"){
const err31 = {instancePath:instancePath+"/registry/backend",schemaPath:"#/properties/registry/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.backend.type,parentSchema:schema11.properties.registry.properties.backend,data:data14};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!((data14 === "embedded") || (data14 === "etcd"))){
const err32 = {instancePath:instancePath+"/registry/backend",schemaPath:"#/properties/registry/properties/backend/enum",keyword:"enum",params:{allowedValues: schema11.properties.registry.properties.backend.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.registry.properties.backend.enum,parentSchema:schema11.properties.registry.properties.backend,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data13.ttl !== undefined){
let data15 = data13.ttl;
if(typeof data15 === "string"){
if(!pattern1.test(data15)){
const err33 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.registry.properties.ttl,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.ttl.type,parentSchema:schema11.properties.registry.properties.ttl,data:data15};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data13.deregisterAfter !== undefined){
let data16 = data13.deregisterAfter;
if(typeof data16 === "string"){
if(!pattern1.test(data16)){
const err35 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.registry.properties.deregisterAfter,data:data16};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.deregisterAfter.type,parentSchema:schema11.properties.registry.properties.deregisterAfter,data:data16};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data13.endpoints !== undefined){
let data17 = data13.endpoints;
if(Array.isArray(data17)){
if(data17.length < 1){
const err37 = {instancePath:instancePath+"/registry/endpoints",schemaPath:"#/properties/registry/properties/endpoints/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.registry.properties.endpoints,data:data17};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len0 = data17.length;
for(let i0=0; i0<len0; i0++){
let data18 = data17[i0];
if(typeof data18 === "string"){
if(!pattern6.test(data18)){
const err38 = {instancePath:instancePath+"/registry/endpoints/" + i0,schemaPath:"#/properties/registry/properties/endpoints/items/pattern",keyword:"pattern",params:{pattern: "^https?://[^/]+/?$"},message:"must match pattern \""+"^https?://[^/]+/?$"+"\"",schema:"^https?://[^/]+/?$",parentSchema:schema11.properties.registry.properties.endpoints.items,data:data18};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/registry/endpoints/" + i0,schemaPath:"#/properties/registry/properties/endpoints/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.endpoints.items.type,parentSchema:schema11.properties.registry.properties.endpoints.items,data:data18};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/registry/endpoints",schemaPath:"#/properties/registry/properties/endpoints/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.registry.properties.endpoints.type,parentSchema:schema11.properties.registry.properties.endpoints,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data13.prefix !== undefined){
let data19 = data13.prefix;
if(typeof data19 === "string"){
if(!pattern7.test(data19)){
const err41 = {instancePath:instancePath+"/registry/prefix",schemaPath:"#/properties/registry/properties/prefix/pattern",keyword:"pattern",params:{pattern: "^/([A-Za-z0-9._-]+/)+$"},message:"must match pattern \""+"^/([A-Za-z0-9._-]+/)+$"+"\"",schema:"^/([A-Za-z0-9._-]+/)+$",parentSchema:schema11.properties.registry.properties.prefix,data:data19};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/registry/prefix",schemaPath:"#/properties/registry/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.prefix.type,parentSchema:schema11.properties.registry.properties.prefix,data:data19};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data13.user !== undefined){
let data20 = data13.user;
if(typeof data20 === "string"){
if(data20.length < 1){
const err43 = {instancePath:instancePath+"/registry/user",schemaPath:"#/properties/registry/properties/user/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.registry.properties.user,data:data20};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/registry/user",schemaPath:"#/properties/registry/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.user.type,parentSchema:schema11.properties.registry.properties.user,data:data20};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data13.passwordFile !== undefined){
let data21 = data13.passwordFile;
if(typeof data21 === "string"){
if(data21.length < 1){
const err45 = {instancePath:instancePath+"/registry/passwordFile",schemaPath:"#/properties/registry/properties/passwordFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.registry.properties.passwordFile,data:data21};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/registry/passwordFile",schemaPath:"#/properties/registry/properties/passwordFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.passwordFile.type,parentSchema:schema11.properties.registry.properties.passwordFile,data:data21};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data13.tls !== undefined){
let data22 = data13.tls;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key3 in data22){
if(!(((key3 === "ca") || (key3 === "cert")) || (key3 === "key"))){
const err47 = {instancePath:instancePath+"/registry/tls",schemaPath:"#/properties/registry/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.registry.properties.tls,data:data22};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data22.ca !== undefined){
let data23 = data22.ca;
if(typeof data23 === "string"){
if(data23.length < 1){
const err48 = {instancePath:instancePath+"/registry/tls/ca",schemaPath:"#/properties/registry/properties/tls/properties/ca/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.registry.properties.tls.properties.ca,data:data23};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/registry/tls/ca",schemaPath:"#/properties/registry/properties/tls/properties/ca/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.tls.properties.ca.type,parentSchema:schema11.properties.registry.properties.tls.properties.ca,data:data23};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data22.cert !== undefined){
let data24 = data22.cert;
if(typeof data24 === "string"){
if(data24.length < 1){
const err50 = {instancePath:instancePath+"/registry/tls/cert",schemaPath:"#/properties/registry/properties/tls/properties/cert/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.registry.properties.tls.properties.cert,data:data24};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/registry/tls/cert",schemaPath:"#/properties/registry/properties/tls/properties/cert/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.tls.properties.cert.type,parentSchema:schema11.properties.registry.properties.tls.properties.cert,data:data24};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data22.key !== undefined){
let data25 = data22.key;
if(typeof data25 === "string"){
if(data25.length < 1){
const err52 = {instancePath:instancePath+"/registry/tls/key",schemaPath:"#/properties/registry/properties/tls/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.registry.properties.tls.properties.key,data:data25};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/registry/tls/key",schemaPath:"#/properties/registry/properties/tls/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.tls.properties.key.type,parentSchema:schema11.properties.registry.properties.tls.properties.key,data:data25};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/registry/tls",schemaPath:"#/properties/registry/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.registry.properties.tls.type,parentSchema:schema11.properties.registry.properties.tls,data:data22};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.registry.type,parentSchema:schema11.properties.registry,data:data13};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data.host !== undefined){
let data26 = data.host;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
for(const key4 in data26){
if(!((key4 === "name") || (key4 === "advertise"))){
const err56 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.host,data:data26};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data26.name !== undefined){
let data27 = data26.name;
if(typeof data27 === "string"){
if(!pattern8.test(data27)){
const err57 = {instancePath:instancePath+"/host/name",schemaPath:"#/properties/host/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$",parentSchema:schema11.properties.host.properties.name,data:data27};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/host/name",schemaPath:"#/properties/host/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.host.properties.name.type,parentSchema:schema11.properties.host.properties.name,data:data27};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data26.advertise !== undefined){
let data28 = data26.advertise;
if(typeof data28 === "string"){
if(data28.length < 1){
const err59 = {instancePath:instancePath+"/host/advertise",schemaPath:"#/properties/host/properties/advertise/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.host.properties.advertise,data:data28};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/host/advertise",schemaPath:"#/properties/host/properties/advertise/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.host.properties.advertise.type,parentSchema:schema11.properties.host.properties.advertise,data:data28};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.host.type,parentSchema:schema11.properties.host,data:data26};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data.fleet !== undefined){
let data29 = data.fleet;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key5 in data29){
if(!(key5 === "secretFile")){
const err62 = {instancePath:instancePath+"/fleet",schemaPath:"#/properties/fleet/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.fleet,data:data29};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data29.secretFile !== undefined){
let data30 = data29.secretFile;
if(typeof data30 === "string"){
if(data30.length < 1){
const err63 = {instancePath:instancePath+"/fleet/secretFile",schemaPath:"#/properties/fleet/properties/secretFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.fleet.properties.secretFile,data:data30};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/fleet/secretFile",schemaPath:"#/properties/fleet/properties/secretFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.fleet.properties.secretFile.type,parentSchema:schema11.properties.fleet.properties.secretFile,data:data30};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/fleet",schemaPath:"#/properties/fleet/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.fleet.type,parentSchema:schema11.properties.fleet,data:data29};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.logs !== undefined){
let data31 = data.logs;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key6 in data31){
if(!((key6 === "maxSize") || (key6 === "maxFiles"))){
const err66 = {instancePath:instancePath+"/logs",schemaPath:"#/properties/logs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.logs,data:data31};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data31.maxSize !== undefined){
let data32 = data31.maxSize;
const _errs90 = errors;
let valid10 = false;
const _errs91 = errors;
if(typeof data32 === "string"){
if(!pattern2.test(data32)){
const err67 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"+"\"",schema:"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$",parentSchema:schema11.properties.logs.properties.maxSize.anyOf[0],data:data32};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.logs.properties.maxSize.anyOf[0].type,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[0],data:data32};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
var _valid1 = _errs91 === errors;
valid10 = valid10 || _valid1;
if(!valid10){
const _errs93 = errors;
if(!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))){
const err69 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.logs.properties.maxSize.anyOf[1].type,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[1],data:data32};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 > 1.7976931348623157e+308 || isNaN(data32)){
const err70 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[1],data:data32};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data32 < 0 || isNaN(data32)){
const err71 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[1],data:data32};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
var _valid1 = _errs93 === errors;
valid10 = valid10 || _valid1;
}
if(!valid10){
const err72 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.logs.properties.maxSize.anyOf,parentSchema:schema11.properties.logs.properties.maxSize,data:data32};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
else {
errors = _errs90;
if(vErrors !== null){
if(_errs90){
vErrors.length = _errs90;
}
else {
vErrors = null;
}
}
}
}
if(data31.maxFiles !== undefined){
let data33 = data31.maxFiles;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err73 = {instancePath:instancePath+"/logs/maxFiles",schemaPath:"#/properties/logs/properties/maxFiles/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.logs.properties.maxFiles.type,parentSchema:schema11.properties.logs.properties.maxFiles,data:data33};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 > 100 || isNaN(data33)){
const err74 = {instancePath:instancePath+"/logs/maxFiles",schemaPath:"#/properties/logs/properties/maxFiles/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.logs.properties.maxFiles,data:data33};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data33 < 1 || isNaN(data33)){
const err75 = {instancePath:instancePath+"/logs/maxFiles",schemaPath:"#/properties/logs/properties/maxFiles/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.logs.properties.maxFiles,data:data33};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
}
else {
const err76 = {instancePath:instancePath+"/logs",schemaPath:"#/properties/logs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.logs.type,parentSchema:schema11.properties.logs,data:data31};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data.smtp !== undefined){
let data34 = data.smtp;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
for(const key7 in data34){
if(!(key7 === "url")){
const err77 = {instancePath:instancePath+"/smtp",schemaPath:"#/properties/smtp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.smtp,data:data34};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data34.url !== undefined){
let data35 = data34.url;
if(typeof data35 === "string"){
if(!pattern10.test(data35)){
const err78 = {instancePath:instancePath+"/smtp/url",schemaPath:"#/properties/smtp/properties/url/pattern",keyword:"pattern",params:{pattern: "^smtps?:\\/\\/"},message:"must match pattern \""+"^smtps?:\\/\\/"+"\"",schema:"^smtps?:\\/\\/",parentSchema:schema11.properties.smtp.properties.url,data:data35};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/smtp/url",schemaPath:"#/properties/smtp/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.smtp.properties.url.type,parentSchema:schema11.properties.smtp.properties.url,data:data35};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/smtp",schemaPath:"#/properties/smtp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.smtp.type,parentSchema:schema11.properties.smtp,data:data34};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data.ach !== undefined){
let data36 = data.ach;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key8 in data36){
if(!((key8 === "odfi") || (key8 === "prenote"))){
const err81 = {instancePath:instancePath+"/ach",schemaPath:"#/properties/ach/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.ach,data:data36};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data36.odfi !== undefined){
let data37 = data36.odfi;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.sftp === undefined){
const err82 = {instancePath:instancePath+"/ach/odfi",schemaPath:"#/properties/ach/properties/odfi/required",keyword:"required",params:{missingProperty: "sftp"},message:"must have required property '"+"sftp"+"'",schema:schema11.properties.ach.properties.odfi.required,parentSchema:schema11.properties.ach.properties.odfi,data:data37};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key9 in data37){
if(!(func2.call(schema11.properties.ach.properties.odfi.properties, key9))){
const err83 = {instancePath:instancePath+"/ach/odfi",schemaPath:"#/properties/ach/properties/odfi/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.ach.properties.odfi,data:data37};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data37.sftp !== undefined){
let data38 = data37.sftp;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.url === undefined){
const err84 = {instancePath:instancePath+"/ach/odfi/sftp",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema11.properties.ach.properties.odfi.properties.sftp.required,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp,data:data38};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(data38.privateKeyFile === undefined){
const err85 = {instancePath:instancePath+"/ach/odfi/sftp",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/required",keyword:"required",params:{missingProperty: "privateKeyFile"},message:"must have required property '"+"privateKeyFile"+"'",schema:schema11.properties.ach.properties.odfi.properties.sftp.required,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp,data:data38};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data38.hostKey === undefined){
const err86 = {instancePath:instancePath+"/ach/odfi/sftp",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/required",keyword:"required",params:{missingProperty: "hostKey"},message:"must have required property '"+"hostKey"+"'",schema:schema11.properties.ach.properties.odfi.properties.sftp.required,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp,data:data38};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
for(const key10 in data38){
if(!(((((key10 === "url") || (key10 === "privateKeyFile")) || (key10 === "hostKey")) || (key10 === "outbound")) || (key10 === "inbound"))){
const err87 = {instancePath:instancePath+"/ach/odfi/sftp",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp,data:data38};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data38.url !== undefined){
let data39 = data38.url;
if(typeof data39 === "string"){
if(!pattern11.test(data39)){
const err88 = {instancePath:instancePath+"/ach/odfi/sftp/url",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/url/pattern",keyword:"pattern",params:{pattern: "^sftp://[^@/]+@[^/]+$"},message:"must match pattern \""+"^sftp://[^@/]+@[^/]+$"+"\"",schema:"^sftp://[^@/]+@[^/]+$",parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.url,data:data39};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/ach/odfi/sftp/url",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sftp.properties.url.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.url,data:data39};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data38.privateKeyFile !== undefined){
let data40 = data38.privateKeyFile;
if(typeof data40 === "string"){
if(data40.length < 1){
const err90 = {instancePath:instancePath+"/ach/odfi/sftp/privateKeyFile",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/privateKeyFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.privateKeyFile,data:data40};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
else {
const err91 = {instancePath:instancePath+"/ach/odfi/sftp/privateKeyFile",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/privateKeyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sftp.properties.privateKeyFile.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.privateKeyFile,data:data40};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data38.hostKey !== undefined){
let data41 = data38.hostKey;
if(typeof data41 === "string"){
if(!pattern12.test(data41)){
const err92 = {instancePath:instancePath+"/ach/odfi/sftp/hostKey",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/hostKey/pattern",keyword:"pattern",params:{pattern: "^SHA256:[A-Za-z0-9+/]{43}$"},message:"must match pattern \""+"^SHA256:[A-Za-z0-9+/]{43}$"+"\"",schema:"^SHA256:[A-Za-z0-9+/]{43}$",parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.hostKey,data:data41};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/ach/odfi/sftp/hostKey",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/hostKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sftp.properties.hostKey.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.hostKey,data:data41};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data38.outbound !== undefined){
let data42 = data38.outbound;
if(typeof data42 === "string"){
if(data42.length < 1){
const err94 = {instancePath:instancePath+"/ach/odfi/sftp/outbound",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/outbound/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.outbound,data:data42};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/ach/odfi/sftp/outbound",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/outbound/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sftp.properties.outbound.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.outbound,data:data42};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data38.inbound !== undefined){
let data43 = data38.inbound;
if(typeof data43 === "string"){
if(data43.length < 1){
const err96 = {instancePath:instancePath+"/ach/odfi/sftp/inbound",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/inbound/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.inbound,data:data43};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
else {
const err97 = {instancePath:instancePath+"/ach/odfi/sftp/inbound",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/properties/inbound/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sftp.properties.inbound.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp.properties.inbound,data:data43};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/ach/odfi/sftp",schemaPath:"#/properties/ach/properties/odfi/properties/sftp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.ach.properties.odfi.properties.sftp.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sftp,data:data38};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data37.cutoffs !== undefined){
let data44 = data37.cutoffs;
if(Array.isArray(data44)){
if(data44.length < 1){
const err99 = {instancePath:instancePath+"/ach/odfi/cutoffs",schemaPath:"#/properties/ach/properties/odfi/properties/cutoffs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.cutoffs,data:data44};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
const len1 = data44.length;
for(let i1=0; i1<len1; i1++){
let data45 = data44[i1];
if(typeof data45 === "string"){
if(!pattern13.test(data45)){
const err100 = {instancePath:instancePath+"/ach/odfi/cutoffs/" + i1,schemaPath:"#/properties/ach/properties/odfi/properties/cutoffs/items/pattern",keyword:"pattern",params:{pattern: "^([01]\\d|2[0-3]):[0-5]\\d$"},message:"must match pattern \""+"^([01]\\d|2[0-3]):[0-5]\\d$"+"\"",schema:"^([01]\\d|2[0-3]):[0-5]\\d$",parentSchema:schema11.properties.ach.properties.odfi.properties.cutoffs.items,data:data45};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/ach/odfi/cutoffs/" + i1,schemaPath:"#/properties/ach/properties/odfi/properties/cutoffs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.cutoffs.items.type,parentSchema:schema11.properties.ach.properties.odfi.properties.cutoffs.items,data:data45};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath:instancePath+"/ach/odfi/cutoffs",schemaPath:"#/properties/ach/properties/odfi/properties/cutoffs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.ach.properties.odfi.properties.cutoffs.type,parentSchema:schema11.properties.ach.properties.odfi.properties.cutoffs,data:data44};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data37.timezone !== undefined){
let data46 = data37.timezone;
if(typeof data46 === "string"){
if(data46.length < 1){
const err103 = {instancePath:instancePath+"/ach/odfi/timezone",schemaPath:"#/properties/ach/properties/odfi/properties/timezone/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.timezone,data:data46};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
else {
const err104 = {instancePath:instancePath+"/ach/odfi/timezone",schemaPath:"#/properties/ach/properties/odfi/properties/timezone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.timezone.type,parentSchema:schema11.properties.ach.properties.odfi.properties.timezone,data:data46};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data37.sameDayCutoffs !== undefined){
let data47 = data37.sameDayCutoffs;
if(Array.isArray(data47)){
if(data47.length < 1){
const err105 = {instancePath:instancePath+"/ach/odfi/sameDayCutoffs",schemaPath:"#/properties/ach/properties/odfi/properties/sameDayCutoffs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.sameDayCutoffs,data:data47};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
const len2 = data47.length;
for(let i2=0; i2<len2; i2++){
let data48 = data47[i2];
if(typeof data48 === "string"){
if(!pattern13.test(data48)){
const err106 = {instancePath:instancePath+"/ach/odfi/sameDayCutoffs/" + i2,schemaPath:"#/properties/ach/properties/odfi/properties/sameDayCutoffs/items/pattern",keyword:"pattern",params:{pattern: "^([01]\\d|2[0-3]):[0-5]\\d$"},message:"must match pattern \""+"^([01]\\d|2[0-3]):[0-5]\\d$"+"\"",schema:"^([01]\\d|2[0-3]):[0-5]\\d$",parentSchema:schema11.properties.ach.properties.odfi.properties.sameDayCutoffs.items,data:data48};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
else {
const err107 = {instancePath:instancePath+"/ach/odfi/sameDayCutoffs/" + i2,schemaPath:"#/properties/ach/properties/odfi/properties/sameDayCutoffs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sameDayCutoffs.items.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sameDayCutoffs.items,data:data48};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/ach/odfi/sameDayCutoffs",schemaPath:"#/properties/ach/properties/odfi/properties/sameDayCutoffs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.ach.properties.odfi.properties.sameDayCutoffs.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sameDayCutoffs,data:data47};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data37.sendLead !== undefined){
let data49 = data37.sendLead;
if(typeof data49 === "string"){
if(!pattern1.test(data49)){
const err109 = {instancePath:instancePath+"/ach/odfi/sendLead",schemaPath:"#/properties/ach/properties/odfi/properties/sendLead/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.ach.properties.odfi.properties.sendLead,data:data49};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
else {
const err110 = {instancePath:instancePath+"/ach/odfi/sendLead",schemaPath:"#/properties/ach/properties/odfi/properties/sendLead/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.sendLead.type,parentSchema:schema11.properties.ach.properties.odfi.properties.sendLead,data:data49};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data37.merge !== undefined){
let data50 = data37.merge;
if(typeof data50 !== "boolean"){
const err111 = {instancePath:instancePath+"/ach/odfi/merge",schemaPath:"#/properties/ach/properties/odfi/properties/merge/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.ach.properties.odfi.properties.merge.type,parentSchema:schema11.properties.ach.properties.odfi.properties.merge,data:data50};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data37.maxLines !== undefined){
let data51 = data37.maxLines;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err112 = {instancePath:instancePath+"/ach/odfi/maxLines",schemaPath:"#/properties/ach/properties/odfi/properties/maxLines/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.ach.properties.odfi.properties.maxLines.type,parentSchema:schema11.properties.ach.properties.odfi.properties.maxLines,data:data51};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 > 1000000 || isNaN(data51)){
const err113 = {instancePath:instancePath+"/ach/odfi/maxLines",schemaPath:"#/properties/ach/properties/odfi/properties/maxLines/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema11.properties.ach.properties.odfi.properties.maxLines,data:data51};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
if(data51 < 20 || isNaN(data51)){
const err114 = {instancePath:instancePath+"/ach/odfi/maxLines",schemaPath:"#/properties/ach/properties/odfi/properties/maxLines/minimum",keyword:"minimum",params:{comparison: ">=", limit: 20},message:"must be >= 20",schema:20,parentSchema:schema11.properties.ach.properties.odfi.properties.maxLines,data:data51};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
}
if(data37.maxEntries !== undefined){
let data52 = data37.maxEntries;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err115 = {instancePath:instancePath+"/ach/odfi/maxEntries",schemaPath:"#/properties/ach/properties/odfi/properties/maxEntries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.ach.properties.odfi.properties.maxEntries.type,parentSchema:schema11.properties.ach.properties.odfi.properties.maxEntries,data:data52};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 < 1 || isNaN(data52)){
const err116 = {instancePath:instancePath+"/ach/odfi/maxEntries",schemaPath:"#/properties/ach/properties/odfi/properties/maxEntries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.maxEntries,data:data52};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
}
if(data37.pgp !== undefined){
let data53 = data37.pgp;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
if(data53.bankPublicKeyFile === undefined){
const err117 = {instancePath:instancePath+"/ach/odfi/pgp",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/required",keyword:"required",params:{missingProperty: "bankPublicKeyFile"},message:"must have required property '"+"bankPublicKeyFile"+"'",schema:schema11.properties.ach.properties.odfi.properties.pgp.required,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp,data:data53};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if(data53.privateKeyFile === undefined){
const err118 = {instancePath:instancePath+"/ach/odfi/pgp",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/required",keyword:"required",params:{missingProperty: "privateKeyFile"},message:"must have required property '"+"privateKeyFile"+"'",schema:schema11.properties.ach.properties.odfi.properties.pgp.required,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp,data:data53};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
for(const key11 in data53){
if(!(((key11 === "bankPublicKeyFile") || (key11 === "privateKeyFile")) || (key11 === "passphraseFile"))){
const err119 = {instancePath:instancePath+"/ach/odfi/pgp",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp,data:data53};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data53.bankPublicKeyFile !== undefined){
let data54 = data53.bankPublicKeyFile;
if(typeof data54 === "string"){
if(data54.length < 1){
const err120 = {instancePath:instancePath+"/ach/odfi/pgp/bankPublicKeyFile",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/properties/bankPublicKeyFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp.properties.bankPublicKeyFile,data:data54};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
else {
const err121 = {instancePath:instancePath+"/ach/odfi/pgp/bankPublicKeyFile",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/properties/bankPublicKeyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.pgp.properties.bankPublicKeyFile.type,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp.properties.bankPublicKeyFile,data:data54};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data53.privateKeyFile !== undefined){
let data55 = data53.privateKeyFile;
if(typeof data55 === "string"){
if(data55.length < 1){
const err122 = {instancePath:instancePath+"/ach/odfi/pgp/privateKeyFile",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/properties/privateKeyFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp.properties.privateKeyFile,data:data55};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
else {
const err123 = {instancePath:instancePath+"/ach/odfi/pgp/privateKeyFile",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/properties/privateKeyFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.pgp.properties.privateKeyFile.type,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp.properties.privateKeyFile,data:data55};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data53.passphraseFile !== undefined){
let data56 = data53.passphraseFile;
if(typeof data56 === "string"){
if(data56.length < 1){
const err124 = {instancePath:instancePath+"/ach/odfi/pgp/passphraseFile",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/properties/passphraseFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp.properties.passphraseFile,data:data56};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
else {
const err125 = {instancePath:instancePath+"/ach/odfi/pgp/passphraseFile",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/properties/passphraseFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ach.properties.odfi.properties.pgp.properties.passphraseFile.type,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp.properties.passphraseFile,data:data56};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
}
else {
const err126 = {instancePath:instancePath+"/ach/odfi/pgp",schemaPath:"#/properties/ach/properties/odfi/properties/pgp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.ach.properties.odfi.properties.pgp.type,parentSchema:schema11.properties.ach.properties.odfi.properties.pgp,data:data53};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
}
else {
const err127 = {instancePath:instancePath+"/ach/odfi",schemaPath:"#/properties/ach/properties/odfi/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.ach.properties.odfi.type,parentSchema:schema11.properties.ach.properties.odfi,data:data37};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data36.prenote !== undefined){
let data57 = data36.prenote;
if(typeof data57 !== "boolean"){
const err128 = {instancePath:instancePath+"/ach/prenote",schemaPath:"#/properties/ach/properties/prenote/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.ach.properties.prenote.type,parentSchema:schema11.properties.ach.properties.prenote,data:data57};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
else {
const err129 = {instancePath:instancePath+"/ach",schemaPath:"#/properties/ach/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.ach.type,parentSchema:schema11.properties.ach,data:data36};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data.approvals !== undefined){
let data58 = data.approvals;
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
if(data58.over === undefined){
const err130 = {instancePath:instancePath+"/approvals",schemaPath:"#/properties/approvals/required",keyword:"required",params:{missingProperty: "over"},message:"must have required property '"+"over"+"'",schema:schema11.properties.approvals.required,parentSchema:schema11.properties.approvals,data:data58};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
for(const key12 in data58){
if(!(key12 === "over")){
const err131 = {instancePath:instancePath+"/approvals",schemaPath:"#/properties/approvals/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.approvals,data:data58};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
if(data58.over !== undefined){
let data59 = data58.over;
if(typeof data59 === "string"){
if(!pattern16.test(data59)){
const err132 = {instancePath:instancePath+"/approvals/over",schemaPath:"#/properties/approvals/properties/over/pattern",keyword:"pattern",params:{pattern: "^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$"},message:"must match pattern \""+"^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$"+"\"",schema:"^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$",parentSchema:schema11.properties.approvals.properties.over,data:data59};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
else {
const err133 = {instancePath:instancePath+"/approvals/over",schemaPath:"#/properties/approvals/properties/over/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.approvals.properties.over.type,parentSchema:schema11.properties.approvals.properties.over,data:data59};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
}
else {
const err134 = {instancePath:instancePath+"/approvals",schemaPath:"#/properties/approvals/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.approvals.type,parentSchema:schema11.properties.approvals,data:data58};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data.store !== undefined){
let data60 = data.store;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
for(const key13 in data60){
if(!((((key13 === "backend") || (key13 === "url")) || (key13 === "passwordFile")) || (key13 === "tls"))){
const err135 = {instancePath:instancePath+"/store",schemaPath:"#/properties/store/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.store,data:data60};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data60.backend !== undefined){
let data61 = data60.backend;
if(typeof data61 !== "string"){
const err136 = {instancePath:instancePath+"/store/backend",schemaPath:"#/properties/store/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.backend.type,parentSchema:schema11.properties.store.properties.backend,data:data61};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
if(!((data61 === "sqlite") || (data61 === "postgres"))){
const err137 = {instancePath:instancePath+"/store/backend",schemaPath:"#/properties/store/properties/backend/enum",keyword:"enum",params:{allowedValues: schema11.properties.store.properties.backend.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.store.properties.backend.enum,parentSchema:schema11.properties.store.properties.backend,data:data61};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
if(data60.url !== undefined){
let data62 = data60.url;
if(typeof data62 === "string"){
if(!pattern17.test(data62)){
const err138 = {instancePath:instancePath+"/store/url",schemaPath:"#/properties/store/properties/url/pattern",keyword:"pattern",params:{pattern: "^postgres(ql)?://"},message:"must match pattern \""+"^postgres(ql)?://"+"\"",schema:"^postgres(ql)?://",parentSchema:schema11.properties.store.properties.url,data:data62};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
else {
const err139 = {instancePath:instancePath+"/store/url",schemaPath:"#/properties/store/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.url.type,parentSchema:schema11.properties.store.properties.url,data:data62};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data60.passwordFile !== undefined){
let data63 = data60.passwordFile;
if(typeof data63 === "string"){
if(data63.length < 1){
const err140 = {instancePath:instancePath+"/store/passwordFile",schemaPath:"#/properties/store/properties/passwordFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.store.properties.passwordFile,data:data63};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
else {
const err141 = {instancePath:instancePath+"/store/passwordFile",schemaPath:"#/properties/store/properties/passwordFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.passwordFile.type,parentSchema:schema11.properties.store.properties.passwordFile,data:data63};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data60.tls !== undefined){
let data64 = data60.tls;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
for(const key14 in data64){
if(!(((key14 === "ca") || (key14 === "cert")) || (key14 === "key"))){
const err142 = {instancePath:instancePath+"/store/tls",schemaPath:"#/properties/store/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.store.properties.tls,data:data64};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
if(data64.ca !== undefined){
let data65 = data64.ca;
if(typeof data65 === "string"){
if(data65.length < 1){
const err143 = {instancePath:instancePath+"/store/tls/ca",schemaPath:"#/properties/store/properties/tls/properties/ca/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.store.properties.tls.properties.ca,data:data65};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
else {
const err144 = {instancePath:instancePath+"/store/tls/ca",schemaPath:"#/properties/store/properties/tls/properties/ca/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.tls.properties.ca.type,parentSchema:schema11.properties.store.properties.tls.properties.ca,data:data65};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data64.cert !== undefined){
let data66 = data64.cert;
if(typeof data66 === "string"){
if(data66.length < 1){
const err145 = {instancePath:instancePath+"/store/tls/cert",schemaPath:"#/properties/store/properties/tls/properties/cert/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.store.properties.tls.properties.cert,data:data66};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
else {
const err146 = {instancePath:instancePath+"/store/tls/cert",schemaPath:"#/properties/store/properties/tls/properties/cert/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.tls.properties.cert.type,parentSchema:schema11.properties.store.properties.tls.properties.cert,data:data66};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
if(data64.key !== undefined){
let data67 = data64.key;
if(typeof data67 === "string"){
if(data67.length < 1){
const err147 = {instancePath:instancePath+"/store/tls/key",schemaPath:"#/properties/store/properties/tls/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.store.properties.tls.properties.key,data:data67};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
else {
const err148 = {instancePath:instancePath+"/store/tls/key",schemaPath:"#/properties/store/properties/tls/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.tls.properties.key.type,parentSchema:schema11.properties.store.properties.tls.properties.key,data:data67};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
}
else {
const err149 = {instancePath:instancePath+"/store/tls",schemaPath:"#/properties/store/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.store.properties.tls.type,parentSchema:schema11.properties.store.properties.tls,data:data64};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
}
else {
const err150 = {instancePath:instancePath+"/store",schemaPath:"#/properties/store/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.store.type,parentSchema:schema11.properties.store,data:data60};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data.services !== undefined){
let data68 = data.services;
if(data68 && typeof data68 == "object" && !Array.isArray(data68)){
for(const key15 in data68){
const _errs185 = errors;
if(typeof key15 === "string"){
if(!pattern18.test(key15)){
const err151 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema11.properties.services.propertyNames,data:key15,propertyName:key15};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
var valid23 = _errs185 === errors;
if(!valid23){
const err152 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/propertyNames",keyword:"propertyNames",params:{propertyName: key15},message:"property name must be valid",schema:schema11.properties.services.propertyNames,parentSchema:schema11.properties.services,data:data68};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
for(const key16 in data68){
let data69 = data68[key16];
if(data69 && typeof data69 == "object" && !Array.isArray(data69)){
for(const key17 in data69){
if(!(func2.call(schema11.properties.services.additionalProperties.properties, key17))){
const err153 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/services/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties,data:data69};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
if(data69.command !== undefined){
let data70 = data69.command;
if(typeof data70 === "string"){
if(data70.length < 1){
const err154 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/command",schemaPath:"#/properties/services/additionalProperties/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.command,data:data70};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
else {
const err155 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/command",schemaPath:"#/properties/services/additionalProperties/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.command.type,parentSchema:schema11.properties.services.additionalProperties.properties.command,data:data70};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
if(data69.cwd !== undefined){
let data71 = data69.cwd;
if(typeof data71 !== "string"){
const err156 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/cwd",schemaPath:"#/properties/services/additionalProperties/properties/cwd/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.cwd.type,parentSchema:schema11.properties.services.additionalProperties.properties.cwd,data:data71};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data69.env !== undefined){
let data72 = data69.env;
if(data72 && typeof data72 == "object" && !Array.isArray(data72)){
for(const key18 in data72){
let data73 = data72[key18];
if(((typeof data73 !== "string") && (!((typeof data73 == "number") && (isFinite(data73))))) && (typeof data73 !== "boolean")){
const err157 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/env/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/services/additionalProperties/properties/env/additionalProperties/type",keyword:"type",params:{type: schema11.properties.services.additionalProperties.properties.env.additionalProperties.type},message:"must be string,number,boolean",schema:schema11.properties.services.additionalProperties.properties.env.additionalProperties.type,parentSchema:schema11.properties.services.additionalProperties.properties.env.additionalProperties,data:data73};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
}
else {
const err158 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/env",schemaPath:"#/properties/services/additionalProperties/properties/env/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.env.type,parentSchema:schema11.properties.services.additionalProperties.properties.env,data:data72};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data69.instances !== undefined){
let data74 = data69.instances;
if(!(((typeof data74 == "number") && (!(data74 % 1) && !isNaN(data74))) && (isFinite(data74)))){
const err159 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/instances",schemaPath:"#/properties/services/additionalProperties/properties/instances/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.instances.type,parentSchema:schema11.properties.services.additionalProperties.properties.instances,data:data74};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
if((typeof data74 == "number") && (isFinite(data74))){
if(data74 > 64 || isNaN(data74)){
const err160 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/instances",schemaPath:"#/properties/services/additionalProperties/properties/instances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64",schema:64,parentSchema:schema11.properties.services.additionalProperties.properties.instances,data:data74};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
if(data74 < 0 || isNaN(data74)){
const err161 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/instances",schemaPath:"#/properties/services/additionalProperties/properties/instances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.instances,data:data74};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
}
if(data69.route !== undefined){
let data75 = data69.route;
if(typeof data75 === "string"){
if(!pattern19.test(data75)){
const err162 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/route",schemaPath:"#/properties/services/additionalProperties/properties/route/pattern",keyword:"pattern",params:{pattern: "^(\\/[A-Za-z0-9._~-]+)+$|^none$"},message:"must match pattern \""+"^(\\/[A-Za-z0-9._~-]+)+$|^none$"+"\"",schema:"^(\\/[A-Za-z0-9._~-]+)+$|^none$",parentSchema:schema11.properties.services.additionalProperties.properties.route,data:data75};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
else {
const err163 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/route",schemaPath:"#/properties/services/additionalProperties/properties/route/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.route.type,parentSchema:schema11.properties.services.additionalProperties.properties.route,data:data75};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
if(data69.version !== undefined){
let data76 = data69.version;
if(typeof data76 !== "string"){
const err164 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/version",schemaPath:"#/properties/services/additionalProperties/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.version.type,parentSchema:schema11.properties.services.additionalProperties.properties.version,data:data76};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
if(data69.rateLimit !== undefined){
let data77 = data69.rateLimit;
if(data77 && typeof data77 == "object" && !Array.isArray(data77)){
if(data77.requests === undefined){
const err165 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/required",keyword:"required",params:{missingProperty: "requests"},message:"must have required property '"+"requests"+"'",schema:schema11.properties.services.additionalProperties.properties.rateLimit.required,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit,data:data77};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
for(const key19 in data77){
if(!(((key19 === "requests") || (key19 === "per")) || (key19 === "burst"))){
const err166 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit,data:data77};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
if(data77.requests !== undefined){
let data78 = data77.requests;
if(!(((typeof data78 == "number") && (!(data78 % 1) && !isNaN(data78))) && (isFinite(data78)))){
const err167 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/requests",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests,data:data78};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
if((typeof data78 == "number") && (isFinite(data78))){
if(data78 > 1000000 || isNaN(data78)){
const err168 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/requests",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/requests/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests,data:data78};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
if(data78 < 1 || isNaN(data78)){
const err169 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/requests",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests,data:data78};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
}
if(data77.per !== undefined){
let data79 = data77.per;
if(typeof data79 === "string"){
if(!pattern1.test(data79)){
const err170 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per,data:data79};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
else {
const err171 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per,data:data79};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
if(data77.burst !== undefined){
let data80 = data77.burst;
if(!(((typeof data80 == "number") && (!(data80 % 1) && !isNaN(data80))) && (isFinite(data80)))){
const err172 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/burst",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/burst/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst,data:data80};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
if((typeof data80 == "number") && (isFinite(data80))){
if(data80 > 1000000 || isNaN(data80)){
const err173 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/burst",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/burst/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst,data:data80};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
if(data80 < 1 || isNaN(data80)){
const err174 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/burst",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/burst/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst,data:data80};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
}
}
else {
const err175 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.rateLimit.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit,data:data77};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
if(data69.health !== undefined){
let data81 = data69.health;
if(data81 && typeof data81 == "object" && !Array.isArray(data81)){
for(const key20 in data81){
if(!(((key20 === "path") || (key20 === "liveness")) || (key20 === "readiness"))){
const err176 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health",schemaPath:"#/properties/services/additionalProperties/properties/health/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.health,data:data81};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
if(data81.path !== undefined){
let data82 = data81.path;
if(typeof data82 === "string"){
if(!pattern21.test(data82)){
const err177 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/path/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.path,data:data82};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
else {
const err178 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.path.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.path,data:data82};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
if(data81.liveness !== undefined){
let data83 = data81.liveness;
if(data83 && typeof data83 == "object" && !Array.isArray(data83)){
for(const key21 in data83){
if(!((((((key21 === "path") || (key21 === "interval")) || (key21 === "timeout")) || (key21 === "failureThreshold")) || (key21 === "successThreshold")) || (key21 === "startPeriod"))){
const err179 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness,data:data83};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
if(data83.path !== undefined){
let data84 = data83.path;
if(typeof data84 === "string"){
if(!pattern21.test(data84)){
const err180 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/path/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.path,data:data84};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
else {
const err181 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.path.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.path,data:data84};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
if(data83.interval !== undefined){
let data85 = data83.interval;
if(typeof data85 === "string"){
if(!pattern1.test(data85)){
const err182 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval,data:data85};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
else {
const err183 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval,data:data85};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
if(data83.timeout !== undefined){
let data86 = data83.timeout;
if(typeof data86 === "string"){
if(!pattern1.test(data86)){
const err184 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout,data:data86};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
else {
const err185 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout,data:data86};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
if(data83.failureThreshold !== undefined){
let data87 = data83.failureThreshold;
if(!(((typeof data87 == "number") && (!(data87 % 1) && !isNaN(data87))) && (isFinite(data87)))){
const err186 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.failureThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.failureThreshold,data:data87};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
if((typeof data87 == "number") && (isFinite(data87))){
if(data87 < 1 || isNaN(data87)){
const err187 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.failureThreshold,data:data87};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
}
if(data83.successThreshold !== undefined){
let data88 = data83.successThreshold;
if(!(((typeof data88 == "number") && (!(data88 % 1) && !isNaN(data88))) && (isFinite(data88)))){
const err188 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/successThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.successThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.successThreshold,data:data88};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
if((typeof data88 == "number") && (isFinite(data88))){
if(data88 < 1 || isNaN(data88)){
const err189 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/successThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.successThreshold,data:data88};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
}
if(data83.startPeriod !== undefined){
let data89 = data83.startPeriod;
if(typeof data89 === "string"){
if(!pattern1.test(data89)){
const err190 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod,data:data89};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
else {
const err191 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod,data:data89};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
}
else {
const err192 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness,data:data83};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
if(data81.readiness !== undefined){
let data90 = data81.readiness;
if(data90 && typeof data90 == "object" && !Array.isArray(data90)){
for(const key22 in data90){
if(!((((((key22 === "path") || (key22 === "interval")) || (key22 === "timeout")) || (key22 === "failureThreshold")) || (key22 === "successThreshold")) || (key22 === "startPeriod"))){
const err193 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness,data:data90};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
if(data90.path !== undefined){
let data91 = data90.path;
if(typeof data91 === "string"){
if(!pattern21.test(data91)){
const err194 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/path/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.path,data:data91};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
else {
const err195 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.path.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.path,data:data91};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
if(data90.interval !== undefined){
let data92 = data90.interval;
if(typeof data92 === "string"){
if(!pattern1.test(data92)){
const err196 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval,data:data92};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
else {
const err197 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval,data:data92};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
if(data90.timeout !== undefined){
let data93 = data90.timeout;
if(typeof data93 === "string"){
if(!pattern1.test(data93)){
const err198 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout,data:data93};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
else {
const err199 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout,data:data93};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
if(data90.failureThreshold !== undefined){
let data94 = data90.failureThreshold;
if(!(((typeof data94 == "number") && (!(data94 % 1) && !isNaN(data94))) && (isFinite(data94)))){
const err200 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.failureThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.failureThreshold,data:data94};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if((typeof data94 == "number") && (isFinite(data94))){
if(data94 < 1 || isNaN(data94)){
const err201 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.failureThreshold,data:data94};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
}
}
if(data90.successThreshold !== undefined){
let data95 = data90.successThreshold;
if(!(((typeof data95 == "number") && (!(data95 % 1) && !isNaN(data95))) && (isFinite(data95)))){
const err202 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/successThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.successThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.successThreshold,data:data95};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
if((typeof data95 == "number") && (isFinite(data95))){
if(data95 < 1 || isNaN(data95)){
const err203 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/successThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.successThreshold,data:data95};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
}
if(data90.startPeriod !== undefined){
let data96 = data90.startPeriod;
if(typeof data96 === "string"){
if(!pattern1.test(data96)){
const err204 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod,data:data96};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
else {
const err205 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod,data:data96};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
}
}
else {
const err206 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness,data:data90};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
}
else {
const err207 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/health",schemaPath:"#/properties/services/additionalProperties/properties/health/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.health.type,parentSchema:schema11.properties.services.additionalProperties.properties.health,data:data81};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
if(data69.restart !== undefined){
let data97 = data69.restart;
if(data97 && typeof data97 == "object" && !Array.isArray(data97)){
for(const key23 in data97){
if(!((((((key23 === "policy") || (key23 === "initialBackoff")) || (key23 === "maxBackoff")) || (key23 === "minUptime")) || (key23 === "maxRestarts")) || (key23 === "window"))){
const err208 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart",schemaPath:"#/properties/services/additionalProperties/properties/restart/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.restart,data:data97};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
if(data97.policy !== undefined){
let data98 = data97.policy;
if(typeof data98 !== "string"){
const err209 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/policy",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.policy.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.policy,data:data98};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
if(!(((data98 === "on-failure") || (data98 === "always")) || (data98 === "never"))){
const err210 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/policy",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/policy/enum",keyword:"enum",params:{allowedValues: schema11.properties.services.additionalProperties.properties.restart.properties.policy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.services.additionalProperties.properties.restart.properties.policy.enum,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.policy,data:data98};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
if(data97.initialBackoff !== undefined){
let data99 = data97.initialBackoff;
if(typeof data99 === "string"){
if(!pattern1.test(data99)){
const err211 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff,data:data99};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
else {
const err212 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff,data:data99};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
if(data97.maxBackoff !== undefined){
let data100 = data97.maxBackoff;
if(typeof data100 === "string"){
if(!pattern1.test(data100)){
const err213 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff,data:data100};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
else {
const err214 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff,data:data100};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
if(data97.minUptime !== undefined){
let data101 = data97.minUptime;
if(typeof data101 === "string"){
if(!pattern1.test(data101)){
const err215 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime,data:data101};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
else {
const err216 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime,data:data101};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
if(data97.maxRestarts !== undefined){
let data102 = data97.maxRestarts;
if(!(((typeof data102 == "number") && (!(data102 % 1) && !isNaN(data102))) && (isFinite(data102)))){
const err217 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxRestarts",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxRestarts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.restart.properties.maxRestarts.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxRestarts,data:data102};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
if((typeof data102 == "number") && (isFinite(data102))){
if(data102 < 0 || isNaN(data102)){
const err218 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxRestarts",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxRestarts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxRestarts,data:data102};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
}
if(data97.window !== undefined){
let data103 = data97.window;
if(typeof data103 === "string"){
if(!pattern1.test(data103)){
const err219 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window,data:data103};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
else {
const err220 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.window.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window,data:data103};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
}
}
else {
const err221 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart",schemaPath:"#/properties/services/additionalProperties/properties/restart/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.restart.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart,data:data97};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data69.store !== undefined){
let data104 = data69.store;
if(data104 && typeof data104 == "object" && !Array.isArray(data104)){
for(const key24 in data104){
if(!((((key24 === "backend") || (key24 === "url")) || (key24 === "passwordFile")) || (key24 === "tls"))){
const err222 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store",schemaPath:"#/properties/services/additionalProperties/properties/store/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.store,data:data104};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
}
if(data104.backend !== undefined){
let data105 = data104.backend;
if(typeof data105 !== "string"){
const err223 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/backend",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.backend.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.backend,data:data105};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
if(!((data105 === "sqlite") || (data105 === "postgres"))){
const err224 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/backend",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/backend/enum",keyword:"enum",params:{allowedValues: schema11.properties.services.additionalProperties.properties.store.properties.backend.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.services.additionalProperties.properties.store.properties.backend.enum,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.backend,data:data105};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
if(data104.url !== undefined){
let data106 = data104.url;
if(typeof data106 === "string"){
if(!pattern17.test(data106)){
const err225 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/url",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/url/pattern",keyword:"pattern",params:{pattern: "^postgres(ql)?://"},message:"must match pattern \""+"^postgres(ql)?://"+"\"",schema:"^postgres(ql)?://",parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.url,data:data106};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
else {
const err226 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/url",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.url.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.url,data:data106};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
if(data104.passwordFile !== undefined){
let data107 = data104.passwordFile;
if(typeof data107 === "string"){
if(data107.length < 1){
const err227 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/passwordFile",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/passwordFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.passwordFile,data:data107};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
else {
const err228 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/passwordFile",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/passwordFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.passwordFile.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.passwordFile,data:data107};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
if(data104.tls !== undefined){
let data108 = data104.tls;
if(data108 && typeof data108 == "object" && !Array.isArray(data108)){
for(const key25 in data108){
if(!(((key25 === "ca") || (key25 === "cert")) || (key25 === "key"))){
const err229 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls,data:data108};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
if(data108.ca !== undefined){
let data109 = data108.ca;
if(typeof data109 === "string"){
if(data109.length < 1){
const err230 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls/ca",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/properties/ca/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.ca,data:data109};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
else {
const err231 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls/ca",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/properties/ca/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.ca.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.ca,data:data109};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
if(data108.cert !== undefined){
let data110 = data108.cert;
if(typeof data110 === "string"){
if(data110.length < 1){
const err232 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls/cert",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/properties/cert/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.cert,data:data110};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
else {
const err233 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls/cert",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/properties/cert/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.cert.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.cert,data:data110};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
if(data108.key !== undefined){
let data111 = data108.key;
if(typeof data111 === "string"){
if(data111.length < 1){
const err234 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls/key",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.key,data:data111};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
else {
const err235 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls/key",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.key.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls.properties.key,data:data111};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
}
else {
const err236 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/tls",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.store.properties.tls.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.tls,data:data108};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
}
else {
const err237 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/store",schemaPath:"#/properties/services/additionalProperties/properties/store/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.store.type,parentSchema:schema11.properties.services.additionalProperties.properties.store,data:data104};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
if(data69.stopTimeout !== undefined){
let data112 = data69.stopTimeout;
if(typeof data112 === "string"){
if(!pattern1.test(data112)){
const err238 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout,data:data112};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
}
else {
const err239 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.stopTimeout.type,parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout,data:data112};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
if(data69.drainDelay !== undefined){
let data113 = data69.drainDelay;
if(typeof data113 === "string"){
if(!pattern1.test(data113)){
const err240 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay,data:data113};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
}
else {
const err241 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.drainDelay.type,parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay,data:data113};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
}
else {
const err242 = {instancePath:instancePath+"/services/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/services/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.type,parentSchema:schema11.properties.services.additionalProperties,data:data69};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
}
else {
const err243 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.type,parentSchema:schema11.properties.services,data:data68};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
}
else {
const err244 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateGrant = validate11;
const schema12 = {"type":"object","required":["apiVersion","kind","id","program","agency","originator","recipients"],"properties":{"apiVersion":{"type":"string","enum":["hmsops/v1"]},"kind":{"type":"string","enum":["Grant"]},"id":{"type":"string","pattern":"^[A-Za-z0-9._-]{1,40}$","x-hint":"1-40 letters, digits or . _ -"},"program":{"type":"string","minLength":1},"agency":{"type":"string","minLength":1},"originator":{"type":"object","required":["name","companyId","odfiRouting"],"properties":{"name":{"type":"string","minLength":1},"companyId":{"type":"string","pattern":"^[0-9A-Za-z ]{10}$","x-hint":"exactly 10 characters (quote it in YAML)"},"odfiRouting":{"type":"string","pattern":"^\\d{9}$","x-hint":"a 9-digit routing number (quote it in YAML)"}},"additionalProperties":false},"effectiveDate":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","x-hint":"a date YYYY-MM-DD"},"sameDay":{"type":"boolean","description":"Same Day ACH: settles today, if sent before one of the bank's same-day cutoffs"},"prenote":{"type":"boolean","description":"a zero-dollar prenote first to each account the ledger never paid; its payment waits three banking days after the prenote settles (default: ach.prenote)"},"secCode":{"type":"string","enum":["CCD","PPD"]},"recipients":{"type":"array","items":{"type":"object","required":["id","name","email","routing","account","accountType","amount"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9._-]{1,40}$","x-hint":"1-40 letters, digits or . _ -"},"name":{"type":"string","minLength":1},"email":{"type":"string","pattern":"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$","x-hint":"an email address"},"routing":{"type":"string","pattern":"^\\d{9}$","x-hint":"a 9-digit routing number (quote it in YAML)"},"account":{"type":"string","pattern":"^[0-9A-Za-z-]{1,17}$","x-hint":"1-17 digits, letters or hyphens (quote it in YAML)"},"accountType":{"type":"string","enum":["checking","savings"]},"amount":{"type":"string","description":"USD as a decimal string, at most 2 decimals: \"50000.00\""},"secCode":{"type":"string","enum":["CCD","PPD"]}},"additionalProperties":false},"minItems":1}},"additionalProperties":false};
const pattern37 = new RegExp("^[A-Za-z0-9._-]{1,40}$", "u");
const pattern38 = new RegExp("^[0-9A-Za-z ]{10}$", "u");
const pattern39 = new RegExp("^\\d{9}$", "u");
const pattern40 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
const pattern42 = new RegExp("^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$", "u");
const pattern44 = new RegExp("^[0-9A-Za-z-]{1,17}$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.id === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.program === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "program"},message:"must have required property '"+"program"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.agency === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agency"},message:"must have required property '"+"agency"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.originator === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "originator"},message:"must have required property '"+"originator"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.recipients === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "recipients"},message:"must have required property '"+"recipients"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema12.properties, key0))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if(typeof data0 !== "string"){
const err8 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.apiVersion.type,parentSchema:schema12.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(data0 === "hmsops/v1")){
const err9 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/enum",keyword:"enum",params:{allowedValues: schema12.properties.apiVersion.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.apiVersion.enum,parentSchema:schema12.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(typeof data1 !== "string"){
const err10 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.kind.type,parentSchema:schema12.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!(data1 === "Grant")){
const err11 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema12.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.kind.enum,parentSchema:schema12.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.id !== undefined){
let data2 = data.id;
if(typeof data2 === "string"){
if(!pattern37.test(data2)){
const err12 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._-]{1,40}$"},message:"must match pattern \""+"^[A-Za-z0-9._-]{1,40}$"+"\"",schema:"^[A-Za-z0-9._-]{1,40}$",parentSchema:schema12.properties.id,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.id.type,parentSchema:schema12.properties.id,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.program !== undefined){
let data3 = data.program;
if(typeof data3 === "string"){
if(data3.length < 1){
const err14 = {instancePath:instancePath+"/program",schemaPath:"#/properties/program/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.program,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/program",schemaPath:"#/properties/program/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.program.type,parentSchema:schema12.properties.program,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.agency !== undefined){
let data4 = data.agency;
if(typeof data4 === "string"){
if(data4.length < 1){
const err16 = {instancePath:instancePath+"/agency",schemaPath:"#/properties/agency/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.agency,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/agency",schemaPath:"#/properties/agency/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.agency.type,parentSchema:schema12.properties.agency,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.originator !== undefined){
let data5 = data.originator;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.name === undefined){
const err18 = {instancePath:instancePath+"/originator",schemaPath:"#/properties/originator/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.properties.originator.required,parentSchema:schema12.properties.originator,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data5.companyId === undefined){
const err19 = {instancePath:instancePath+"/originator",schemaPath:"#/properties/originator/required",keyword:"required",params:{missingProperty: "companyId"},message:"must have required property '"+"companyId"+"'",schema:schema12.properties.originator.required,parentSchema:schema12.properties.originator,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data5.odfiRouting === undefined){
const err20 = {instancePath:instancePath+"/originator",schemaPath:"#/properties/originator/required",keyword:"required",params:{missingProperty: "odfiRouting"},message:"must have required property '"+"odfiRouting"+"'",schema:schema12.properties.originator.required,parentSchema:schema12.properties.originator,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key1 in data5){
if(!(((key1 === "name") || (key1 === "companyId")) || (key1 === "odfiRouting"))){
const err21 = {instancePath:instancePath+"/originator",schemaPath:"#/properties/originator/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.originator,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data5.name !== undefined){
let data6 = data5.name;
if(typeof data6 === "string"){
if(data6.length < 1){
const err22 = {instancePath:instancePath+"/originator/name",schemaPath:"#/properties/originator/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.originator.properties.name,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/originator/name",schemaPath:"#/properties/originator/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.originator.properties.name.type,parentSchema:schema12.properties.originator.properties.name,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data5.companyId !== undefined){
let data7 = data5.companyId;
if(typeof data7 === "string"){
if(!pattern38.test(data7)){
const err24 = {instancePath:instancePath+"/originator/companyId",schemaPath:"#/properties/originator/properties/companyId/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z ]{10}$"},message:"must match pattern \""+"^[0-9A-Za-z ]{10}$"+"\"",schema:"^[0-9A-Za-z ]{10}$",parentSchema:schema12.properties.originator.properties.companyId,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/originator/companyId",schemaPath:"#/properties/originator/properties/companyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.originator.properties.companyId.type,parentSchema:schema12.properties.originator.properties.companyId,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data5.odfiRouting !== undefined){
let data8 = data5.odfiRouting;
if(typeof data8 === "string"){
if(!pattern39.test(data8)){
const err26 = {instancePath:instancePath+"/originator/odfiRouting",schemaPath:"#/properties/originator/properties/odfiRouting/pattern",keyword:"pattern",params:{pattern: "^\\d{9}$"},message:"must match pattern \""+"^\\d{9}$"+"\"",schema:"^\\d{9}$",parentSchema:schema12.properties.originator.properties.odfiRouting,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/originator/odfiRouting",schemaPath:"#/properties/originator/properties/odfiRouting/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.originator.properties.odfiRouting.type,parentSchema:schema12.properties.originator.properties.odfiRouting,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/originator",schemaPath:"#/properties/originator/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.originator.type,parentSchema:schema12.properties.originator,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.effectiveDate !== undefined){
let data9 = data.effectiveDate;
if(typeof data9 === "string"){
if(!pattern40.test(data9)){
const err29 = {instancePath:instancePath+"/effectiveDate",schemaPath:"#/properties/effectiveDate/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}$",parentSchema:schema12.properties.effectiveDate,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/effectiveDate",schemaPath:"#/properties/effectiveDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.effectiveDate.type,parentSchema:schema12.properties.effectiveDate,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.sameDay !== undefined){
let data10 = data.sameDay;
if(typeof data10 !== "boolean"){
const err31 = {instancePath:instancePath+"/sameDay",schemaPath:"#/properties/sameDay/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.sameDay.type,parentSchema:schema12.properties.sameDay,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.prenote !== undefined){
let data11 = data.prenote;
if(typeof data11 !== "boolean"){
const err32 = {instancePath:instancePath+"/prenote",schemaPath:"#/properties/prenote/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.prenote.type,parentSchema:schema12.properties.prenote,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.secCode !== undefined){
let data12 = data.secCode;
if(typeof data12 !== "string"){
const err33 = {instancePath:instancePath+"/secCode",schemaPath:"#/properties/secCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.secCode.type,parentSchema:schema12.properties.secCode,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(!((data12 === "CCD") || (data12 === "PPD"))){
const err34 = {instancePath:instancePath+"/secCode",schemaPath:"#/properties/secCode/enum",keyword:"enum",params:{allowedValues: schema12.properties.secCode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.secCode.enum,parentSchema:schema12.properties.secCode,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.recipients !== undefined){
let data13 = data.recipients;
if(Array.isArray(data13)){
if(data13.length < 1){
const err35 = {instancePath:instancePath+"/recipients",schemaPath:"#/properties/recipients/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.recipients,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.id === undefined){
const err36 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data14.name === undefined){
const err37 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data14.email === undefined){
const err38 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data14.routing === undefined){
const err39 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "routing"},message:"must have required property '"+"routing"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data14.account === undefined){
const err40 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "account"},message:"must have required property '"+"account"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data14.accountType === undefined){
const err41 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "accountType"},message:"must have required property '"+"accountType"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data14.amount === undefined){
const err42 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "amount"},message:"must have required property '"+"amount"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
for(const key2 in data14){
if(!((((((((key2 === "id") || (key2 === "name")) || (key2 === "email")) || (key2 === "routing")) || (key2 === "account")) || (key2 === "accountType")) || (key2 === "amount")) || (key2 === "secCode"))){
const err43 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data14.id !== undefined){
let data15 = data14.id;
if(typeof data15 === "string"){
if(!pattern37.test(data15)){
const err44 = {instancePath:instancePath+"/recipients/" + i0+"/id",schemaPath:"#/properties/recipients/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._-]{1,40}$"},message:"must match pattern \""+"^[A-Za-z0-9._-]{1,40}$"+"\"",schema:"^[A-Za-z0-9._-]{1,40}$",parentSchema:schema12.properties.recipients.items.properties.id,data:data15};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/recipients/" + i0+"/id",schemaPath:"#/properties/recipients/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.id.type,parentSchema:schema12.properties.recipients.items.properties.id,data:data15};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data14.name !== undefined){
let data16 = data14.name;
if(typeof data16 === "string"){
if(data16.length < 1){
const err46 = {instancePath:instancePath+"/recipients/" + i0+"/name",schemaPath:"#/properties/recipients/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.recipients.items.properties.name,data:data16};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/recipients/" + i0+"/name",schemaPath:"#/properties/recipients/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.name.type,parentSchema:schema12.properties.recipients.items.properties.name,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data14.email !== undefined){
let data17 = data14.email;
if(typeof data17 === "string"){
if(!pattern42.test(data17)){
const err48 = {instancePath:instancePath+"/recipients/" + i0+"/email",schemaPath:"#/properties/recipients/items/properties/email/pattern",keyword:"pattern",params:{pattern: "^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"},message:"must match pattern \""+"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"+"\"",schema:"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$",parentSchema:schema12.properties.recipients.items.properties.email,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/recipients/" + i0+"/email",schemaPath:"#/properties/recipients/items/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.email.type,parentSchema:schema12.properties.recipients.items.properties.email,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data14.routing !== undefined){
let data18 = data14.routing;
if(typeof data18 === "string"){
if(!pattern39.test(data18)){
const err50 = {instancePath:instancePath+"/recipients/" + i0+"/routing",schemaPath:"#/properties/recipients/items/properties/routing/pattern",keyword:"pattern",params:{pattern: "^\\d{9}$"},message:"must match pattern \""+"^\\d{9}$"+"\"",schema:"^\\d{9}$",parentSchema:schema12.properties.recipients.items.properties.routing,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/recipients/" + i0+"/routing",schemaPath:"#/properties/recipients/items/properties/routing/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.routing.type,parentSchema:schema12.properties.recipients.items.properties.routing,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data14.account !== undefined){
let data19 = data14.account;
if(typeof data19 === "string"){
if(!pattern44.test(data19)){
const err52 = {instancePath:instancePath+"/recipients/" + i0+"/account",schemaPath:"#/properties/recipients/items/properties/account/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z-]{1,17}$"},message:"must match pattern \""+"^[0-9A-Za-z-]{1,17}$"+"\"",schema:"^[0-9A-Za-z-]{1,17}$",parentSchema:schema12.properties.recipients.items.properties.account,data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/recipients/" + i0+"/account",schemaPath:"#/properties/recipients/items/properties/account/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.account.type,parentSchema:schema12.properties.recipients.items.properties.account,data:data19};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data14.accountType !== undefined){
let data20 = data14.accountType;
if(typeof data20 !== "string"){
const err54 = {instancePath:instancePath+"/recipients/" + i0+"/accountType",schemaPath:"#/properties/recipients/items/properties/accountType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.accountType.type,parentSchema:schema12.properties.recipients.items.properties.accountType,data:data20};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(!((data20 === "checking") || (data20 === "savings"))){
const err55 = {instancePath:instancePath+"/recipients/" + i0+"/accountType",schemaPath:"#/properties/recipients/items/properties/accountType/enum",keyword:"enum",params:{allowedValues: schema12.properties.recipients.items.properties.accountType.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.recipients.items.properties.accountType.enum,parentSchema:schema12.properties.recipients.items.properties.accountType,data:data20};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data14.amount !== undefined){
let data21 = data14.amount;
if(typeof data21 !== "string"){
const err56 = {instancePath:instancePath+"/recipients/" + i0+"/amount",schemaPath:"#/properties/recipients/items/properties/amount/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.amount.type,parentSchema:schema12.properties.recipients.items.properties.amount,data:data21};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data14.secCode !== undefined){
let data22 = data14.secCode;
if(typeof data22 !== "string"){
const err57 = {instancePath:instancePath+"/recipients/" + i0+"/secCode",schemaPath:"#/properties/recipients/items/properties/secCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.secCode.type,parentSchema:schema12.properties.recipients.items.properties.secCode,data:data22};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(!((data22 === "CCD") || (data22 === "PPD"))){
const err58 = {instancePath:instancePath+"/recipients/" + i0+"/secCode",schemaPath:"#/properties/recipients/items/properties/secCode/enum",keyword:"enum",params:{allowedValues: schema12.properties.recipients.items.properties.secCode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.recipients.items.properties.secCode.enum,parentSchema:schema12.properties.recipients.items.properties.secCode,data:data22};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.recipients.items.type,parentSchema:schema12.properties.recipients.items,data:data14};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/recipients",schemaPath:"#/properties/recipients/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.recipients.type,parentSchema:schema12.properties.recipients,data:data13};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

export const validateRecipient = validate12;
const schema13 = {"type":"object","required":["id","name","email","routing","account","accountType","amount"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9._-]{1,40}$","x-hint":"1-40 letters, digits or . _ -"},"name":{"type":"string","minLength":1},"email":{"type":"string","pattern":"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$","x-hint":"an email address"},"routing":{"type":"string","pattern":"^\\d{9}$","x-hint":"a 9-digit routing number (quote it in YAML)"},"account":{"type":"string","pattern":"^[0-9A-Za-z-]{1,17}$","x-hint":"1-17 digits, letters or hyphens (quote it in YAML)"},"accountType":{"type":"string","enum":["checking","savings"]},"amount":{"type":"string","description":"USD as a decimal string, at most 2 decimals: \"50000.00\""},"secCode":{"type":"string","enum":["CCD","PPD"]}},"additionalProperties":false};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.email === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.routing === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "routing"},message:"must have required property '"+"routing"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.account === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "account"},message:"must have required property '"+"account"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.accountType === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "accountType"},message:"must have required property '"+"accountType"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.amount === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "amount"},message:"must have required property '"+"amount"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "name")) || (key0 === "email")) || (key0 === "routing")) || (key0 === "account")) || (key0 === "accountType")) || (key0 === "amount")) || (key0 === "secCode"))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern37.test(data0)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._-]{1,40}$"},message:"must match pattern \""+"^[A-Za-z0-9._-]{1,40}$"+"\"",schema:"^[A-Za-z0-9._-]{1,40}$",parentSchema:schema13.properties.id,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.id.type,parentSchema:schema13.properties.id,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(data1.length < 1){
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.name,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.name.type,parentSchema:schema13.properties.name,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.email !== undefined){
let data2 = data.email;
if(typeof data2 === "string"){
if(!pattern42.test(data2)){
const err12 = {instancePath:instancePath+"/email",schemaPath:"#/properties/email/pattern",keyword:"pattern",params:{pattern: "^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"},message:"must match pattern \""+"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"+"\"",schema:"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$",parentSchema:schema13.properties.email,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/email",schemaPath:"#/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.email.type,parentSchema:schema13.properties.email,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.routing !== undefined){
let data3 = data.routing;
if(typeof data3 === "string"){
if(!pattern39.test(data3)){
const err14 = {instancePath:instancePath+"/routing",schemaPath:"#/properties/routing/pattern",keyword:"pattern",params:{pattern: "^\\d{9}$"},message:"must match pattern \""+"^\\d{9}$"+"\"",schema:"^\\d{9}$",parentSchema:schema13.properties.routing,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/routing",schemaPath:"#/properties/routing/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.routing.type,parentSchema:schema13.properties.routing,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.account !== undefined){
let data4 = data.account;
if(typeof data4 === "string"){
if(!pattern44.test(data4)){
const err16 = {instancePath:instancePath+"/account",schemaPath:"#/properties/account/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z-]{1,17}$"},message:"must match pattern \""+"^[0-9A-Za-z-]{1,17}$"+"\"",schema:"^[0-9A-Za-z-]{1,17}$",parentSchema:schema13.properties.account,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/account",schemaPath:"#/properties/account/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.account.type,parentSchema:schema13.properties.account,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.accountType !== undefined){
let data5 = data.accountType;
if(typeof data5 !== "string"){
const err18 = {instancePath:instancePath+"/accountType",schemaPath:"#/properties/accountType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.accountType.type,parentSchema:schema13.properties.accountType,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!((data5 === "checking") || (data5 === "savings"))){
const err19 = {instancePath:instancePath+"/accountType",schemaPath:"#/properties/accountType/enum",keyword:"enum",params:{allowedValues: schema13.properties.accountType.enum},message:"must be equal to one of the allowed values",schema:schema13.properties.accountType.enum,parentSchema:schema13.properties.accountType,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.amount !== undefined){
let data6 = data.amount;
if(typeof data6 !== "string"){
const err20 = {instancePath:instancePath+"/amount",schemaPath:"#/properties/amount/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.amount.type,parentSchema:schema13.properties.amount,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.secCode !== undefined){
let data7 = data.secCode;
if(typeof data7 !== "string"){
const err21 = {instancePath:instancePath+"/secCode",schemaPath:"#/properties/secCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.secCode.type,parentSchema:schema13.properties.secCode,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!((data7 === "CCD") || (data7 === "PPD"))){
const err22 = {instancePath:instancePath+"/secCode",schemaPath:"#/properties/secCode/enum",keyword:"enum",params:{allowedValues: schema13.properties.secCode.enum},message:"must be equal to one of the allowed values",schema:schema13.properties.secCode.enum,parentSchema:schema13.properties.secCode,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


export const configSchemaJson = {
  "type": "object",
  "properties": {
    "version": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1,
      "description": "config format version; 1",
      "default": 1
    },
    "stateDir": {
      "type": "string",
      "description": "state directory, relative to the config file",
      "default": ".hmsops"
    },
    "gateway": {
      "type": "object",
      "properties": {
        "url": {
          "type": "string",
          "pattern": "^https?://[^/\\s]+/?$",
          "x-hint": "the gateway URL such as http://10.0.0.5:8080",
          "description": "a fleet run by an orchestrator (Kubernetes, podman kube play): the commands that talk to the gateway go to this URL (or --gateway, HMSOPS_GATEWAY)"
        },
        "enabled": {
          "type": "boolean",
          "default": true
        },
        "port": {
          "type": "integer",
          "minimum": 0,
          "maximum": 65535,
          "description": "fixed port of the gateway (0: any free port)",
          "default": 8080
        },
        "host": {
          "type": "string",
          "default": "127.0.0.1"
        },
        "upstreamTimeout": {
          "type": "string",
          "x-kind": "duration",
          "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
          "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
          "default": "30s"
        },
        "bodyLimit": {
          "x-kind": "bytes",
          "anyOf": [
            {
              "type": "string",
              "pattern": "^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"
            },
            {
              "type": "integer",
              "minimum": 0,
              "maximum": 1.7976931348623157e+308
            }
          ],
          "default": "10mb"
        },
        "balancing": {
          "type": "string",
          "enum": [
            "round-robin",
            "least-outstanding"
          ],
          "default": "round-robin"
        },
        "cooldown": {
          "type": "string",
          "x-kind": "duration",
          "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
          "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
          "description": "how long an instance that refused a connection stays out of rotation",
          "default": "5s"
        },
        "auth": {
          "type": "boolean",
          "description": "verify bearer tokens at the edge",
          "default": true
        },
        "workers": {
          "type": "integer",
          "minimum": 1,
          "maximum": 64,
          "description": "gateway processes sharing its port; up to one per core for throughput",
          "default": 1
        }
      },
      "additionalProperties": false
    },
    "registry": {
      "type": "object",
      "properties": {
        "backend": {
          "type": "string",
          "enum": [
            "embedded",
            "etcd"
          ],
          "description": "embedded: a table in this host's daemon (one machine); etcd: a cluster every host's daemon publishes to and reads from",
          "default": "embedded"
        },
        "ttl": {
          "type": "string",
          "x-kind": "duration",
          "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
          "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
          "description": "an instance that has not heartbeated for this long is critical; with etcd, also the host lease's TTL",
          "default": "10s"
        },
        "deregisterAfter": {
          "type": "string",
          "x-kind": "duration",
          "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
          "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
          "description": "a critical instance silent for this long is removed",
          "default": "1m"
        },
        "endpoints": {
          "type": "array",
          "items": {
            "type": "string",
            "pattern": "^https?://[^/]+/?$",
            "x-hint": "an http:// or https:// URL of an etcd member (scheme, host and port)"
          },
          "minItems": 1,
          "description": "etcd: the cluster's client URLs"
        },
        "prefix": {
          "type": "string",
          "pattern": "^/([A-Za-z0-9._-]+/)+$",
          "x-hint": "a key prefix such as /hmsops/grants/ (starts and ends with /)",
          "description": "etcd: where this fleet's keys live; fleets sharing a cluster use different prefixes",
          "default": "/hmsops/default/"
        },
        "user": {
          "type": "string",
          "minLength": 1,
          "description": "etcd: a user of etcd's own authentication"
        },
        "passwordFile": {
          "type": "string",
          "minLength": 1,
          "description": "etcd: a file (mode 0600) holding the user's password, relative to the config file"
        },
        "tls": {
          "type": "object",
          "properties": {
            "ca": {
              "type": "string",
              "minLength": 1,
              "description": "the CA certificate etcd's certificate is checked against (PEM)"
            },
            "cert": {
              "type": "string",
              "minLength": 1,
              "description": "a client certificate (PEM), where etcd asks for one"
            },
            "key": {
              "type": "string",
              "minLength": 1,
              "description": "the client certificate's key (PEM, mode 0600)"
            }
          },
          "additionalProperties": false,
          "description": "etcd over https: files relative to the config file"
        }
      },
      "additionalProperties": false
    },
    "host": {
      "type": "object",
      "properties": {
        "name": {
          "type": "string",
          "pattern": "^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$",
          "x-hint": "a host name: letters, digits, dots and dashes",
          "description": "this host's name in the registry (default: the machine's hostname)"
        },
        "advertise": {
          "type": "string",
          "minLength": 1,
          "description": "the address this host's instances listen on and are registered at: one other hosts reach (never 0.0.0.0)",
          "default": "127.0.0.1"
        }
      },
      "additionalProperties": false,
      "description": "this machine, where a fleet spans several"
    },
    "fleet": {
      "type": "object",
      "properties": {
        "secretFile": {
          "type": "string",
          "minLength": 1,
          "description": "a file (mode 0600) every host of the fleet has, the same on each: the key of the identity a gateway forwards to services on any host (default: a secret of this daemon, one machine)"
        }
      },
      "additionalProperties": false,
      "description": "what every host of the fleet shares"
    },
    "logs": {
      "type": "object",
      "properties": {
        "maxSize": {
          "x-kind": "bytes",
          "anyOf": [
            {
              "type": "string",
              "pattern": "^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"
            },
            {
              "type": "integer",
              "minimum": 0,
              "maximum": 1.7976931348623157e+308
            }
          ],
          "description": "rotate an instance log at this size",
          "default": "10mb"
        },
        "maxFiles": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 3
        }
      },
      "additionalProperties": false
    },
    "smtp": {
      "type": "object",
      "properties": {
        "url": {
          "type": "string",
          "pattern": "^smtps?:\\/\\/",
          "x-hint": "an smtp:// or smtps:// URL"
        }
      },
      "additionalProperties": false,
      "description": "where messaging delivers mail (default: the bundled mail sink)"
    },
    "ach": {
      "type": "object",
      "properties": {
        "odfi": {
          "type": "object",
          "required": [
            "sftp"
          ],
          "properties": {
            "sftp": {
              "type": "object",
              "required": [
                "url",
                "privateKeyFile",
                "hostKey"
              ],
              "properties": {
                "url": {
                  "type": "string",
                  "pattern": "^sftp://[^@/]+@[^/]+$",
                  "x-hint": "an sftp://USER@HOST:PORT URL",
                  "description": "the ODFI's SFTP server"
                },
                "privateKeyFile": {
                  "type": "string",
                  "minLength": 1,
                  "description": "the private key (mode 0600) hmsops logs in with, relative to the config file"
                },
                "hostKey": {
                  "type": "string",
                  "pattern": "^SHA256:[A-Za-z0-9+/]{43}$",
                  "x-hint": "a host key fingerprint as ssh-keygen -l prints it: SHA256: and 43 characters",
                  "description": "the server's host key, pinned"
                },
                "outbound": {
                  "type": "string",
                  "minLength": 1,
                  "description": "the remote folder files are sent to",
                  "default": "/outbound"
                },
                "inbound": {
                  "type": "string",
                  "minLength": 1,
                  "description": "the remote folder the bank leaves returns in",
                  "default": "/inbound"
                }
              },
              "additionalProperties": false,
              "description": "how files reach the ODFI"
            },
            "cutoffs": {
              "type": "array",
              "items": {
                "type": "string",
                "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
                "x-hint": "a time of day such as 10:30"
              },
              "minItems": 1,
              "description": "the bank's processing windows: a file is sent before the next one",
              "default": [
                "10:30",
                "14:45"
              ]
            },
            "timezone": {
              "type": "string",
              "minLength": 1,
              "description": "the time zone of the cutoffs (IANA name)",
              "default": "America/New_York"
            },
            "sameDayCutoffs": {
              "type": "array",
              "items": {
                "type": "string",
                "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
                "x-hint": "a time of day such as 14:45"
              },
              "minItems": 1,
              "description": "the bank's Same Day ACH cutoffs (`disburse --same-day`), in `timezone`",
              "default": [
                "10:30",
                "14:45",
                "16:45"
              ]
            },
            "sendLead": {
              "type": "string",
              "x-kind": "duration",
              "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
              "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
              "description": "how long before a cutoff its files go up; a same-day payment must be sent before then",
              "default": "15m"
            },
            "merge": {
              "type": "boolean",
              "description": "true: the files cut for a window go to the bank merged, `sendLead` before its cutoff (or at once with `hmsops ach send`); false: each file as soon as it is cut",
              "default": true
            },
            "maxLines": {
              "type": "integer",
              "minimum": 20,
              "maximum": 1000000,
              "description": "records a merged file may have, padding included (the bank's limit)",
              "default": 10000
            },
            "maxEntries": {
              "type": "integer",
              "minimum": 1,
              "description": "entries and addenda a merged file may have, if the bank has such a limit"
            },
            "pgp": {
              "type": "object",
              "required": [
                "bankPublicKeyFile",
                "privateKeyFile"
              ],
              "properties": {
                "bankPublicKeyFile": {
                  "type": "string",
                  "minLength": 1,
                  "description": "the bank's OpenPGP public key (armored, mode 0600): files sent are encrypted to it, files received must be signed by it"
                },
                "privateKeyFile": {
                  "type": "string",
                  "minLength": 1,
                  "description": "our OpenPGP private key (armored, mode 0600): files sent are signed with it, files received decrypted"
                },
                "passphraseFile": {
                  "type": "string",
                  "minLength": 1,
                  "description": "a file (mode 0600) holding the private key's passphrase, if it has one"
                }
              },
              "additionalProperties": false,
              "description": "files to and from the bank encrypted and signed (OpenPGP); paths relative to the config file"
            }
          },
          "additionalProperties": false,
          "description": "the originating bank (ODFI): files sent to it over SFTP"
        },
        "prenote": {
          "type": "boolean",
          "description": "true: every grant sends a zero-dollar prenote to an account the ledger never paid, and its payment waits three banking days after the prenote settles (a grant's own `prenote` wins)",
          "default": false
        }
      },
      "additionalProperties": false,
      "description": "ACH settings that are not about processes"
    },
    "approvals": {
      "type": "object",
      "required": [
        "over"
      ],
      "properties": {
        "over": {
          "type": "string",
          "pattern": "^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$",
          "x-hint": "an amount in dollars such as \"$10,000.00\"",
          "description": "a grant whose total, or any one payment, is over this is paid only once a second user with the approver role approves it"
        }
      },
      "additionalProperties": false,
      "description": "dual approval (maker-checker) of large grants"
    },
    "store": {
      "type": "object",
      "properties": {
        "backend": {
          "type": "string",
          "enum": [
            "sqlite",
            "postgres"
          ],
          "description": "sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share",
          "default": "sqlite"
        },
        "url": {
          "type": "string",
          "pattern": "^postgres(ql)?://",
          "x-hint": "a postgres:// URL",
          "description": "postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it"
        },
        "passwordFile": {
          "type": "string",
          "minLength": 1,
          "description": "a file holding the database user's password, relative to the config file (else PGPASSWORD)"
        },
        "tls": {
          "type": "object",
          "properties": {
            "ca": {
              "type": "string",
              "minLength": 1,
              "description": "the CA certificate the server's certificate is checked against (PEM)"
            },
            "cert": {
              "type": "string",
              "minLength": 1,
              "description": "a client certificate (PEM), where the server asks for one"
            },
            "key": {
              "type": "string",
              "minLength": 1,
              "description": "the client certificate's key (PEM, mode 0600)"
            }
          },
          "additionalProperties": false,
          "description": "PostgreSQL over TLS, the server's certificate verified (name and CA; without ca, the system's CAs): files relative to the config file"
        }
      },
      "additionalProperties": false,
      "description": "the bundled services' store"
    },
    "services": {
      "type": "object",
      "additionalProperties": {
        "type": "object",
        "properties": {
          "command": {
            "type": "string",
            "minLength": 1,
            "description": "shell command that starts one instance; gets PORT and HOST (host.advertise, 127.0.0.1 by default) to listen on"
          },
          "cwd": {
            "type": "string",
            "description": "working directory, relative to the config file",
            "default": "."
          },
          "env": {
            "type": "object",
            "x-kind": "stringMap",
            "additionalProperties": {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            },
            "description": "extra environment variables"
          },
          "instances": {
            "type": "integer",
            "minimum": 0,
            "maximum": 64,
            "description": "how many instances to run",
            "default": 1
          },
          "route": {
            "type": "string",
            "pattern": "^(\\/[A-Za-z0-9._~-]+)+$|^none$",
            "x-hint": "a path prefix such as /billing, or none",
            "description": "gateway route prefix (default /<name>, /mail for mail-sink); none keeps it off the gateway"
          },
          "version": {
            "type": "string",
            "description": "version reported in the registry (default: bundled for bundled services, 0.0.0 for others)"
          },
          "rateLimit": {
            "type": "object",
            "required": [
              "requests"
            ],
            "properties": {
              "requests": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000,
                "description": "requests one client may make per period"
              },
              "per": {
                "type": "string",
                "x-kind": "duration",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                "description": "the period",
                "default": "1s"
              },
              "burst": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000,
                "description": "requests at once after a quiet spell (default: requests)"
              }
            },
            "additionalProperties": false,
            "description": "a limit per client address at the gateway: over it, 429 RATE_LIMITED with Retry-After"
          },
          "health": {
            "type": "object",
            "properties": {
              "path": {
                "type": "string",
                "pattern": "^/",
                "x-hint": "a path starting with /",
                "description": "shortcut: one path for liveness and readiness"
              },
              "liveness": {
                "type": "object",
                "properties": {
                  "path": {
                    "type": "string",
                    "pattern": "^/",
                    "x-hint": "a path starting with /",
                    "description": "HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)"
                  },
                  "interval": {
                    "type": "string",
                    "x-kind": "duration",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                    "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                    "description": "time between probes",
                    "default": "2s"
                  },
                  "timeout": {
                    "type": "string",
                    "x-kind": "duration",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                    "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                    "description": "a probe slower than this fails",
                    "default": "1s"
                  },
                  "failureThreshold": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "consecutive failures before the probe counts as failed",
                    "default": 3
                  },
                  "successThreshold": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "consecutive successes before it counts as passing again",
                    "default": 1
                  },
                  "startPeriod": {
                    "type": "string",
                    "x-kind": "duration",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                    "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                    "description": "failures during this time after start do not count",
                    "default": "10s"
                  }
                },
                "additionalProperties": false,
                "description": "An HTTP liveness probe with Kubernetes semantics"
              },
              "readiness": {
                "type": "object",
                "properties": {
                  "path": {
                    "type": "string",
                    "pattern": "^/",
                    "x-hint": "a path starting with /",
                    "description": "HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)"
                  },
                  "interval": {
                    "type": "string",
                    "x-kind": "duration",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                    "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                    "description": "time between probes",
                    "default": "1s"
                  },
                  "timeout": {
                    "type": "string",
                    "x-kind": "duration",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                    "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                    "description": "a probe slower than this fails",
                    "default": "1s"
                  },
                  "failureThreshold": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "consecutive failures before the probe counts as failed",
                    "default": 1
                  },
                  "successThreshold": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "consecutive successes before it counts as passing again",
                    "default": 1
                  },
                  "startPeriod": {
                    "type": "string",
                    "x-kind": "duration",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                    "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                    "description": "failures during this time after start do not count",
                    "default": "0s"
                  }
                },
                "additionalProperties": false,
                "description": "An HTTP readiness probe with Kubernetes semantics"
              }
            },
            "additionalProperties": false
          },
          "restart": {
            "type": "object",
            "properties": {
              "policy": {
                "type": "string",
                "enum": [
                  "on-failure",
                  "always",
                  "never"
                ],
                "default": "on-failure"
              },
              "initialBackoff": {
                "type": "string",
                "x-kind": "duration",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                "default": "100ms"
              },
              "maxBackoff": {
                "type": "string",
                "x-kind": "duration",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                "default": "10s"
              },
              "minUptime": {
                "type": "string",
                "x-kind": "duration",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                "description": "an instance up this long resets its backoff",
                "default": "10s"
              },
              "maxRestarts": {
                "type": "integer",
                "minimum": 0,
                "description": "restarts allowed within the window before crash-looping",
                "default": 5
              },
              "window": {
                "type": "string",
                "x-kind": "duration",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
                "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
                "default": "1m"
              }
            },
            "additionalProperties": false,
            "description": "restart policy with exponential backoff"
          },
          "store": {
            "type": "object",
            "properties": {
              "backend": {
                "type": "string",
                "enum": [
                  "sqlite",
                  "postgres"
                ],
                "description": "sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share"
              },
              "url": {
                "type": "string",
                "pattern": "^postgres(ql)?://",
                "x-hint": "a postgres:// URL",
                "description": "postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it"
              },
              "passwordFile": {
                "type": "string",
                "minLength": 1,
                "description": "a file holding the database user's password, relative to the config file (else PGPASSWORD)"
              },
              "tls": {
                "type": "object",
                "properties": {
                  "ca": {
                    "type": "string",
                    "minLength": 1,
                    "description": "the CA certificate the server's certificate is checked against (PEM)"
                  },
                  "cert": {
                    "type": "string",
                    "minLength": 1,
                    "description": "a client certificate (PEM), where the server asks for one"
                  },
                  "key": {
                    "type": "string",
                    "minLength": 1,
                    "description": "the client certificate's key (PEM, mode 0600)"
                  }
                },
                "additionalProperties": false,
                "description": "PostgreSQL over TLS, the server's certificate verified (name and CA; without ca, the system's CAs): files relative to the config file"
              }
            },
            "additionalProperties": false,
            "description": "this service's store, where it differs from the fleet's (its own database user, say)"
          },
          "stopTimeout": {
            "type": "string",
            "x-kind": "duration",
            "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
            "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
            "description": "time between SIGTERM and SIGKILL",
            "default": "10s"
          },
          "drainDelay": {
            "type": "string",
            "x-kind": "duration",
            "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$",
            "x-hint": "a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)",
            "description": "time between deregistering and SIGTERM, so routers stop sending",
            "default": "100ms"
          }
        },
        "additionalProperties": false,
        "description": "One service of the fleet: a bundled one (auth, ach, analytics, messaging, mail-sink) or any program with a command"
      },
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9-]{0,30}$"
      },
      "description": "the services (default: the bundled ones)"
    }
  },
  "additionalProperties": false,
  "description": "hmsops fleet configuration"
};
