// Written by `npm run gen:validators` from src/config/definition.ts and src/disburse/grant-definition.ts: do not edit.
// @ts-nocheck
"use strict";
export const validateConfig = validate10;
const schema11 = {"type":"object","properties":{"version":{"type":"integer","minimum":1,"maximum":1,"description":"config format version; 1","default":1},"stateDir":{"type":"string","description":"state directory, relative to the config file","default":".hmsops"},"gateway":{"type":"object","properties":{"enabled":{"type":"boolean","default":true},"port":{"type":"integer","minimum":0,"maximum":65535,"description":"fixed port of the gateway (0: any free port)","default":8080},"host":{"type":"string","default":"127.0.0.1"},"upstreamTimeout":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"default":"30s"},"bodyLimit":{"x-kind":"bytes","anyOf":[{"type":"string","pattern":"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},{"type":"integer","minimum":0,"maximum":1.7976931348623157e+308}],"default":"10mb"},"balancing":{"type":"string","enum":["round-robin","least-outstanding"],"default":"round-robin"},"cooldown":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"how long an instance that refused a connection stays out of rotation","default":"5s"},"auth":{"type":"boolean","description":"verify bearer tokens at the edge","default":true},"workers":{"type":"integer","minimum":1,"maximum":64,"description":"gateway processes sharing its port; up to one per core for throughput","default":1}},"additionalProperties":false},"registry":{"type":"object","properties":{"backend":{"type":"string","enum":["embedded"],"default":"embedded"},"ttl":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"an instance that has not heartbeated for this long is critical","default":"10s"},"deregisterAfter":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"a critical instance silent for this long is removed","default":"1m"}},"additionalProperties":false},"logs":{"type":"object","properties":{"maxSize":{"x-kind":"bytes","anyOf":[{"type":"string","pattern":"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},{"type":"integer","minimum":0,"maximum":1.7976931348623157e+308}],"description":"rotate an instance log at this size","default":"10mb"},"maxFiles":{"type":"integer","minimum":1,"maximum":100,"default":3}},"additionalProperties":false},"smtp":{"type":"object","properties":{"url":{"type":"string","pattern":"^smtps?:\\/\\/","x-hint":"an smtp:// or smtps:// URL"}},"additionalProperties":false,"description":"where messaging delivers mail (default: the bundled mail sink)"},"store":{"type":"object","properties":{"backend":{"type":"string","enum":["sqlite","postgres"],"description":"sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share","default":"sqlite"},"url":{"type":"string","pattern":"^postgres(ql)?://","x-hint":"a postgres:// URL","description":"postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it"},"passwordFile":{"type":"string","minLength":1,"description":"a file holding the database user's password, relative to the config file (else PGPASSWORD)"}},"additionalProperties":false,"description":"the bundled services' store"},"services":{"type":"object","additionalProperties":{"type":"object","properties":{"command":{"type":"string","minLength":1,"description":"shell command that starts one instance; gets PORT and HOST=127.0.0.1"},"cwd":{"type":"string","description":"working directory, relative to the config file","default":"."},"env":{"type":"object","x-kind":"stringMap","additionalProperties":{"type":["string","number","boolean"]},"description":"extra environment variables"},"instances":{"type":"integer","minimum":0,"maximum":64,"description":"how many instances to run","default":1},"route":{"type":"string","pattern":"^(\\/[A-Za-z0-9._~-]+)+$|^none$","x-hint":"a path prefix such as /billing, or none","description":"gateway route prefix (default /<name>, /mail for mail-sink); none keeps it off the gateway"},"version":{"type":"string","description":"version reported in the registry (default: bundled for bundled services, 0.0.0 for others)"},"rateLimit":{"type":"object","required":["requests"],"properties":{"requests":{"type":"integer","minimum":1,"maximum":1000000,"description":"requests one client may make per period"},"per":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"the period","default":"1s"},"burst":{"type":"integer","minimum":1,"maximum":1000000,"description":"requests at once after a quiet spell (default: requests)"}},"additionalProperties":false,"description":"a limit per client address at the gateway: over it, 429 RATE_LIMITED with Retry-After"},"health":{"type":"object","properties":{"path":{"type":"string","pattern":"^/","x-hint":"a path starting with /","description":"shortcut: one path for liveness and readiness"},"liveness":{"type":"object","properties":{"path":{"type":"string","pattern":"^/","x-hint":"a path starting with /","description":"HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)"},"interval":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"time between probes","default":"2s"},"timeout":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"a probe slower than this fails","default":"1s"},"failureThreshold":{"type":"integer","minimum":1,"description":"consecutive failures before the probe counts as failed","default":3},"successThreshold":{"type":"integer","minimum":1,"description":"consecutive successes before it counts as passing again","default":1},"startPeriod":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"failures during this time after start do not count","default":"10s"}},"additionalProperties":false,"description":"An HTTP liveness probe with Kubernetes semantics"},"readiness":{"type":"object","properties":{"path":{"type":"string","pattern":"^/","x-hint":"a path starting with /","description":"HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)"},"interval":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"time between probes","default":"1s"},"timeout":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"a probe slower than this fails","default":"1s"},"failureThreshold":{"type":"integer","minimum":1,"description":"consecutive failures before the probe counts as failed","default":1},"successThreshold":{"type":"integer","minimum":1,"description":"consecutive successes before it counts as passing again","default":1},"startPeriod":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"failures during this time after start do not count","default":"0s"}},"additionalProperties":false,"description":"An HTTP readiness probe with Kubernetes semantics"}},"additionalProperties":false},"restart":{"type":"object","properties":{"policy":{"type":"string","enum":["on-failure","always","never"],"default":"on-failure"},"initialBackoff":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"default":"100ms"},"maxBackoff":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"default":"10s"},"minUptime":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"an instance up this long resets its backoff","default":"10s"},"maxRestarts":{"type":"integer","minimum":0,"description":"restarts allowed within the window before crash-looping","default":5},"window":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"default":"1m"}},"additionalProperties":false,"description":"restart policy with exponential backoff"},"store":{"type":"object","properties":{"backend":{"type":"string","enum":["sqlite","postgres"],"description":"sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share"},"url":{"type":"string","pattern":"^postgres(ql)?://","x-hint":"a postgres:// URL","description":"postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it"},"passwordFile":{"type":"string","minLength":1,"description":"a file holding the database user's password, relative to the config file (else PGPASSWORD)"}},"additionalProperties":false,"description":"this service's store, where it differs from the fleet's (its own database user, say)"},"stopTimeout":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"time between SIGTERM and SIGKILL","default":"10s"},"drainDelay":{"x-kind":"duration","anyOf":[{"type":"string","pattern":"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},{"type":"number","minimum":0,"maximum":1.7976931348623157e+308}],"description":"time between deregistering and SIGTERM, so routers stop sending","default":"100ms"}},"additionalProperties":false,"description":"One service of the fleet: a bundled one (auth, ach, analytics, messaging, mail-sink) or any program with a command"},"propertyNames":{"pattern":"^[a-z][a-z0-9-]{0,30}$"},"description":"the services (default: the bundled ones)"}},"additionalProperties":false,"description":"hmsops fleet configuration"};
const func2 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$", "u");
const pattern1 = new RegExp("^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$", "u");
const pattern6 = new RegExp("^smtps?:\\/\\/", "u");
const pattern7 = new RegExp("^postgres(ql)?://", "u");
const pattern8 = new RegExp("^[a-z][a-z0-9-]{0,30}$", "u");
const pattern9 = new RegExp("^(\\/[A-Za-z0-9._~-]+)+$|^none$", "u");
const pattern11 = new RegExp("^/", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "version") || (key0 === "stateDir")) || (key0 === "gateway")) || (key0 === "registry")) || (key0 === "logs")) || (key0 === "smtp")) || (key0 === "store")) || (key0 === "services"))){
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
if(data2.enabled !== undefined){
let data3 = data2.enabled;
if(typeof data3 !== "boolean"){
const err6 = {instancePath:instancePath+"/gateway/enabled",schemaPath:"#/properties/gateway/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.gateway.properties.enabled.type,parentSchema:schema11.properties.gateway.properties.enabled,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.port !== undefined){
let data4 = data2.port;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err7 = {instancePath:instancePath+"/gateway/port",schemaPath:"#/properties/gateway/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.gateway.properties.port.type,parentSchema:schema11.properties.gateway.properties.port,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err8 = {instancePath:instancePath+"/gateway/port",schemaPath:"#/properties/gateway/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema11.properties.gateway.properties.port,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data4 < 0 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/gateway/port",schemaPath:"#/properties/gateway/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.gateway.properties.port,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data2.host !== undefined){
let data5 = data2.host;
if(typeof data5 !== "string"){
const err10 = {instancePath:instancePath+"/gateway/host",schemaPath:"#/properties/gateway/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.host.type,parentSchema:schema11.properties.gateway.properties.host,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.upstreamTimeout !== undefined){
let data6 = data2.upstreamTimeout;
const _errs16 = errors;
let valid2 = false;
const _errs17 = errors;
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
const err11 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[0],data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[0].type,parentSchema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[0],data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid0 = _errs17 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs19 = errors;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1.7976931348623157e+308 || isNaN(data6)){
const err13 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[1],data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err14 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[1],data:data6};
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
const err15 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[1].type,parentSchema:schema11.properties.gateway.properties.upstreamTimeout.anyOf[1],data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid0 = _errs19 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err16 = {instancePath:instancePath+"/gateway/upstreamTimeout",schemaPath:"#/properties/gateway/properties/upstreamTimeout/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.gateway.properties.upstreamTimeout.anyOf,parentSchema:schema11.properties.gateway.properties.upstreamTimeout,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
}
}
if(data2.bodyLimit !== undefined){
let data7 = data2.bodyLimit;
const _errs23 = errors;
let valid3 = false;
const _errs24 = errors;
if(typeof data7 === "string"){
if(!pattern1.test(data7)){
const err17 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"+"\"",schema:"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$",parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[0],data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.bodyLimit.anyOf[0].type,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[0],data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid1 = _errs24 === errors;
valid3 = valid3 || _valid1;
if(!valid3){
const _errs26 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err19 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.gateway.properties.bodyLimit.anyOf[1].type,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[1],data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 1.7976931348623157e+308 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[1],data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err21 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.gateway.properties.bodyLimit.anyOf[1],data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid1 = _errs26 === errors;
valid3 = valid3 || _valid1;
}
if(!valid3){
const err22 = {instancePath:instancePath+"/gateway/bodyLimit",schemaPath:"#/properties/gateway/properties/bodyLimit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.gateway.properties.bodyLimit.anyOf,parentSchema:schema11.properties.gateway.properties.bodyLimit,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
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
let data8 = data2.balancing;
if(typeof data8 !== "string"){
const err23 = {instancePath:instancePath+"/gateway/balancing",schemaPath:"#/properties/gateway/properties/balancing/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.balancing.type,parentSchema:schema11.properties.gateway.properties.balancing,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!((data8 === "round-robin") || (data8 === "least-outstanding"))){
const err24 = {instancePath:instancePath+"/gateway/balancing",schemaPath:"#/properties/gateway/properties/balancing/enum",keyword:"enum",params:{allowedValues: schema11.properties.gateway.properties.balancing.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.gateway.properties.balancing.enum,parentSchema:schema11.properties.gateway.properties.balancing,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data2.cooldown !== undefined){
let data9 = data2.cooldown;
const _errs32 = errors;
let valid4 = false;
const _errs33 = errors;
if(typeof data9 === "string"){
if(!pattern0.test(data9)){
const err25 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.gateway.properties.cooldown.anyOf[0],data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.gateway.properties.cooldown.anyOf[0].type,parentSchema:schema11.properties.gateway.properties.cooldown.anyOf[0],data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid2 = _errs33 === errors;
valid4 = valid4 || _valid2;
if(!valid4){
const _errs35 = errors;
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 1.7976931348623157e+308 || isNaN(data9)){
const err27 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.gateway.properties.cooldown.anyOf[1],data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err28 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.gateway.properties.cooldown.anyOf[1],data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.gateway.properties.cooldown.anyOf[1].type,parentSchema:schema11.properties.gateway.properties.cooldown.anyOf[1],data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
var _valid2 = _errs35 === errors;
valid4 = valid4 || _valid2;
}
if(!valid4){
const err30 = {instancePath:instancePath+"/gateway/cooldown",schemaPath:"#/properties/gateway/properties/cooldown/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.gateway.properties.cooldown.anyOf,parentSchema:schema11.properties.gateway.properties.cooldown,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
}
if(data2.auth !== undefined){
let data10 = data2.auth;
if(typeof data10 !== "boolean"){
const err31 = {instancePath:instancePath+"/gateway/auth",schemaPath:"#/properties/gateway/properties/auth/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.gateway.properties.auth.type,parentSchema:schema11.properties.gateway.properties.auth,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data2.workers !== undefined){
let data11 = data2.workers;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err32 = {instancePath:instancePath+"/gateway/workers",schemaPath:"#/properties/gateway/properties/workers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.gateway.properties.workers.type,parentSchema:schema11.properties.gateway.properties.workers,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 64 || isNaN(data11)){
const err33 = {instancePath:instancePath+"/gateway/workers",schemaPath:"#/properties/gateway/properties/workers/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64",schema:64,parentSchema:schema11.properties.gateway.properties.workers,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data11 < 1 || isNaN(data11)){
const err34 = {instancePath:instancePath+"/gateway/workers",schemaPath:"#/properties/gateway/properties/workers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.gateway.properties.workers,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
}
else {
const err35 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.gateway.type,parentSchema:schema11.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.registry !== undefined){
let data12 = data.registry;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key2 in data12){
if(!(((key2 === "backend") || (key2 === "ttl")) || (key2 === "deregisterAfter"))){
const err36 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.registry,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12.backend !== undefined){
let data13 = data12.backend;
if(typeof data13 !== "string"){
const err37 = {instancePath:instancePath+"/registry/backend",schemaPath:"#/properties/registry/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.backend.type,parentSchema:schema11.properties.registry.properties.backend,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(!(data13 === "embedded")){
const err38 = {instancePath:instancePath+"/registry/backend",schemaPath:"#/properties/registry/properties/backend/enum",keyword:"enum",params:{allowedValues: schema11.properties.registry.properties.backend.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.registry.properties.backend.enum,parentSchema:schema11.properties.registry.properties.backend,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data12.ttl !== undefined){
let data14 = data12.ttl;
const _errs48 = errors;
let valid6 = false;
const _errs49 = errors;
if(typeof data14 === "string"){
if(!pattern0.test(data14)){
const err39 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.registry.properties.ttl.anyOf[0],data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.ttl.anyOf[0].type,parentSchema:schema11.properties.registry.properties.ttl.anyOf[0],data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
var _valid3 = _errs49 === errors;
valid6 = valid6 || _valid3;
if(!valid6){
const _errs51 = errors;
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 1.7976931348623157e+308 || isNaN(data14)){
const err41 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.registry.properties.ttl.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data14 < 0 || isNaN(data14)){
const err42 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.registry.properties.ttl.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.registry.properties.ttl.anyOf[1].type,parentSchema:schema11.properties.registry.properties.ttl.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid3 = _errs51 === errors;
valid6 = valid6 || _valid3;
}
if(!valid6){
const err44 = {instancePath:instancePath+"/registry/ttl",schemaPath:"#/properties/registry/properties/ttl/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.registry.properties.ttl.anyOf,parentSchema:schema11.properties.registry.properties.ttl,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
}
if(data12.deregisterAfter !== undefined){
let data15 = data12.deregisterAfter;
const _errs55 = errors;
let valid7 = false;
const _errs56 = errors;
if(typeof data15 === "string"){
if(!pattern0.test(data15)){
const err45 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.registry.properties.deregisterAfter.anyOf[0],data:data15};
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
const err46 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.registry.properties.deregisterAfter.anyOf[0].type,parentSchema:schema11.properties.registry.properties.deregisterAfter.anyOf[0],data:data15};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var _valid4 = _errs56 === errors;
valid7 = valid7 || _valid4;
if(!valid7){
const _errs58 = errors;
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 > 1.7976931348623157e+308 || isNaN(data15)){
const err47 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.registry.properties.deregisterAfter.anyOf[1],data:data15};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(data15 < 0 || isNaN(data15)){
const err48 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.registry.properties.deregisterAfter.anyOf[1],data:data15};
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
const err49 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.registry.properties.deregisterAfter.anyOf[1].type,parentSchema:schema11.properties.registry.properties.deregisterAfter.anyOf[1],data:data15};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var _valid4 = _errs58 === errors;
valid7 = valid7 || _valid4;
}
if(!valid7){
const err50 = {instancePath:instancePath+"/registry/deregisterAfter",schemaPath:"#/properties/registry/properties/deregisterAfter/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.registry.properties.deregisterAfter.anyOf,parentSchema:schema11.properties.registry.properties.deregisterAfter,data:data15};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
else {
errors = _errs55;
if(vErrors !== null){
if(_errs55){
vErrors.length = _errs55;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err51 = {instancePath:instancePath+"/registry",schemaPath:"#/properties/registry/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.registry.type,parentSchema:schema11.properties.registry,data:data12};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.logs !== undefined){
let data16 = data.logs;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key3 in data16){
if(!((key3 === "maxSize") || (key3 === "maxFiles"))){
const err52 = {instancePath:instancePath+"/logs",schemaPath:"#/properties/logs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.logs,data:data16};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data16.maxSize !== undefined){
let data17 = data16.maxSize;
const _errs65 = errors;
let valid9 = false;
const _errs66 = errors;
if(typeof data17 === "string"){
if(!pattern1.test(data17)){
const err53 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"},message:"must match pattern \""+"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$"+"\"",schema:"^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$",parentSchema:schema11.properties.logs.properties.maxSize.anyOf[0],data:data17};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.logs.properties.maxSize.anyOf[0].type,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[0],data:data17};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
var _valid5 = _errs66 === errors;
valid9 = valid9 || _valid5;
if(!valid9){
const _errs68 = errors;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err55 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.logs.properties.maxSize.anyOf[1].type,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[1],data:data17};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 > 1.7976931348623157e+308 || isNaN(data17)){
const err56 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[1],data:data17};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data17 < 0 || isNaN(data17)){
const err57 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.logs.properties.maxSize.anyOf[1],data:data17};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
var _valid5 = _errs68 === errors;
valid9 = valid9 || _valid5;
}
if(!valid9){
const err58 = {instancePath:instancePath+"/logs/maxSize",schemaPath:"#/properties/logs/properties/maxSize/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.logs.properties.maxSize.anyOf,parentSchema:schema11.properties.logs.properties.maxSize,data:data17};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
else {
errors = _errs65;
if(vErrors !== null){
if(_errs65){
vErrors.length = _errs65;
}
else {
vErrors = null;
}
}
}
}
if(data16.maxFiles !== undefined){
let data18 = data16.maxFiles;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err59 = {instancePath:instancePath+"/logs/maxFiles",schemaPath:"#/properties/logs/properties/maxFiles/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.logs.properties.maxFiles.type,parentSchema:schema11.properties.logs.properties.maxFiles,data:data18};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 100 || isNaN(data18)){
const err60 = {instancePath:instancePath+"/logs/maxFiles",schemaPath:"#/properties/logs/properties/maxFiles/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.logs.properties.maxFiles,data:data18};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data18 < 1 || isNaN(data18)){
const err61 = {instancePath:instancePath+"/logs/maxFiles",schemaPath:"#/properties/logs/properties/maxFiles/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.logs.properties.maxFiles,data:data18};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
}
else {
const err62 = {instancePath:instancePath+"/logs",schemaPath:"#/properties/logs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.logs.type,parentSchema:schema11.properties.logs,data:data16};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data.smtp !== undefined){
let data19 = data.smtp;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key4 in data19){
if(!(key4 === "url")){
const err63 = {instancePath:instancePath+"/smtp",schemaPath:"#/properties/smtp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.smtp,data:data19};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data19.url !== undefined){
let data20 = data19.url;
if(typeof data20 === "string"){
if(!pattern6.test(data20)){
const err64 = {instancePath:instancePath+"/smtp/url",schemaPath:"#/properties/smtp/properties/url/pattern",keyword:"pattern",params:{pattern: "^smtps?:\\/\\/"},message:"must match pattern \""+"^smtps?:\\/\\/"+"\"",schema:"^smtps?:\\/\\/",parentSchema:schema11.properties.smtp.properties.url,data:data20};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/smtp/url",schemaPath:"#/properties/smtp/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.smtp.properties.url.type,parentSchema:schema11.properties.smtp.properties.url,data:data20};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/smtp",schemaPath:"#/properties/smtp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.smtp.type,parentSchema:schema11.properties.smtp,data:data19};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data.store !== undefined){
let data21 = data.store;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key5 in data21){
if(!(((key5 === "backend") || (key5 === "url")) || (key5 === "passwordFile"))){
const err67 = {instancePath:instancePath+"/store",schemaPath:"#/properties/store/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.store,data:data21};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data21.backend !== undefined){
let data22 = data21.backend;
if(typeof data22 !== "string"){
const err68 = {instancePath:instancePath+"/store/backend",schemaPath:"#/properties/store/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.backend.type,parentSchema:schema11.properties.store.properties.backend,data:data22};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(!((data22 === "sqlite") || (data22 === "postgres"))){
const err69 = {instancePath:instancePath+"/store/backend",schemaPath:"#/properties/store/properties/backend/enum",keyword:"enum",params:{allowedValues: schema11.properties.store.properties.backend.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.store.properties.backend.enum,parentSchema:schema11.properties.store.properties.backend,data:data22};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data21.url !== undefined){
let data23 = data21.url;
if(typeof data23 === "string"){
if(!pattern7.test(data23)){
const err70 = {instancePath:instancePath+"/store/url",schemaPath:"#/properties/store/properties/url/pattern",keyword:"pattern",params:{pattern: "^postgres(ql)?://"},message:"must match pattern \""+"^postgres(ql)?://"+"\"",schema:"^postgres(ql)?://",parentSchema:schema11.properties.store.properties.url,data:data23};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
else {
const err71 = {instancePath:instancePath+"/store/url",schemaPath:"#/properties/store/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.url.type,parentSchema:schema11.properties.store.properties.url,data:data23};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data21.passwordFile !== undefined){
let data24 = data21.passwordFile;
if(typeof data24 === "string"){
if(data24.length < 1){
const err72 = {instancePath:instancePath+"/store/passwordFile",schemaPath:"#/properties/store/properties/passwordFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.store.properties.passwordFile,data:data24};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/store/passwordFile",schemaPath:"#/properties/store/properties/passwordFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.store.properties.passwordFile.type,parentSchema:schema11.properties.store.properties.passwordFile,data:data24};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/store",schemaPath:"#/properties/store/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.store.type,parentSchema:schema11.properties.store,data:data21};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data.services !== undefined){
let data25 = data.services;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key6 in data25){
const _errs91 = errors;
if(typeof key6 === "string"){
if(!pattern8.test(key6)){
const err75 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema11.properties.services.propertyNames,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
var valid12 = _errs91 === errors;
if(!valid12){
const err76 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema11.properties.services.propertyNames,parentSchema:schema11.properties.services,data:data25};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
for(const key7 in data25){
let data26 = data25[key7];
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
for(const key8 in data26){
if(!(func2.call(schema11.properties.services.additionalProperties.properties, key8))){
const err77 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/services/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties,data:data26};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data26.command !== undefined){
let data27 = data26.command;
if(typeof data27 === "string"){
if(data27.length < 1){
const err78 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/command",schemaPath:"#/properties/services/additionalProperties/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.command,data:data27};
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
const err79 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/command",schemaPath:"#/properties/services/additionalProperties/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.command.type,parentSchema:schema11.properties.services.additionalProperties.properties.command,data:data27};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data26.cwd !== undefined){
let data28 = data26.cwd;
if(typeof data28 !== "string"){
const err80 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/cwd",schemaPath:"#/properties/services/additionalProperties/properties/cwd/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.cwd.type,parentSchema:schema11.properties.services.additionalProperties.properties.cwd,data:data28};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data26.env !== undefined){
let data29 = data26.env;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key9 in data29){
let data30 = data29[key9];
if(((typeof data30 !== "string") && (!((typeof data30 == "number") && (isFinite(data30))))) && (typeof data30 !== "boolean")){
const err81 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/env/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/services/additionalProperties/properties/env/additionalProperties/type",keyword:"type",params:{type: schema11.properties.services.additionalProperties.properties.env.additionalProperties.type},message:"must be string,number,boolean",schema:schema11.properties.services.additionalProperties.properties.env.additionalProperties.type,parentSchema:schema11.properties.services.additionalProperties.properties.env.additionalProperties,data:data30};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/env",schemaPath:"#/properties/services/additionalProperties/properties/env/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.env.type,parentSchema:schema11.properties.services.additionalProperties.properties.env,data:data29};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data26.instances !== undefined){
let data31 = data26.instances;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
const err83 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/instances",schemaPath:"#/properties/services/additionalProperties/properties/instances/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.instances.type,parentSchema:schema11.properties.services.additionalProperties.properties.instances,data:data31};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 > 64 || isNaN(data31)){
const err84 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/instances",schemaPath:"#/properties/services/additionalProperties/properties/instances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64",schema:64,parentSchema:schema11.properties.services.additionalProperties.properties.instances,data:data31};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(data31 < 0 || isNaN(data31)){
const err85 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/instances",schemaPath:"#/properties/services/additionalProperties/properties/instances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.instances,data:data31};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
}
if(data26.route !== undefined){
let data32 = data26.route;
if(typeof data32 === "string"){
if(!pattern9.test(data32)){
const err86 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/route",schemaPath:"#/properties/services/additionalProperties/properties/route/pattern",keyword:"pattern",params:{pattern: "^(\\/[A-Za-z0-9._~-]+)+$|^none$"},message:"must match pattern \""+"^(\\/[A-Za-z0-9._~-]+)+$|^none$"+"\"",schema:"^(\\/[A-Za-z0-9._~-]+)+$|^none$",parentSchema:schema11.properties.services.additionalProperties.properties.route,data:data32};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
else {
const err87 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/route",schemaPath:"#/properties/services/additionalProperties/properties/route/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.route.type,parentSchema:schema11.properties.services.additionalProperties.properties.route,data:data32};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data26.version !== undefined){
let data33 = data26.version;
if(typeof data33 !== "string"){
const err88 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/version",schemaPath:"#/properties/services/additionalProperties/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.version.type,parentSchema:schema11.properties.services.additionalProperties.properties.version,data:data33};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data26.rateLimit !== undefined){
let data34 = data26.rateLimit;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
if(data34.requests === undefined){
const err89 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/required",keyword:"required",params:{missingProperty: "requests"},message:"must have required property '"+"requests"+"'",schema:schema11.properties.services.additionalProperties.properties.rateLimit.required,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit,data:data34};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
for(const key10 in data34){
if(!(((key10 === "requests") || (key10 === "per")) || (key10 === "burst"))){
const err90 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit,data:data34};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data34.requests !== undefined){
let data35 = data34.requests;
if(!(((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35))) && (isFinite(data35)))){
const err91 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/requests",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests,data:data35};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if((typeof data35 == "number") && (isFinite(data35))){
if(data35 > 1000000 || isNaN(data35)){
const err92 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/requests",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/requests/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests,data:data35};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(data35 < 1 || isNaN(data35)){
const err93 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/requests",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.requests,data:data35};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
if(data34.per !== undefined){
let data36 = data34.per;
const _errs119 = errors;
let valid17 = false;
const _errs120 = errors;
if(typeof data36 === "string"){
if(!pattern0.test(data36)){
const err94 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[0],data:data36};
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
const err95 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[0],data:data36};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
var _valid6 = _errs120 === errors;
valid17 = valid17 || _valid6;
if(!valid17){
const _errs122 = errors;
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 > 1.7976931348623157e+308 || isNaN(data36)){
const err96 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[1],data:data36};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
if(data36 < 0 || isNaN(data36)){
const err97 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[1],data:data36};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf[1],data:data36};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
var _valid6 = _errs122 === errors;
valid17 = valid17 || _valid6;
}
if(!valid17){
const err99 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/per",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/per/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.per,data:data36};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
else {
errors = _errs119;
if(vErrors !== null){
if(_errs119){
vErrors.length = _errs119;
}
else {
vErrors = null;
}
}
}
}
if(data34.burst !== undefined){
let data37 = data34.burst;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err100 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/burst",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/burst/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst,data:data37};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 > 1000000 || isNaN(data37)){
const err101 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/burst",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/burst/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst,data:data37};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if(data37 < 1 || isNaN(data37)){
const err102 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit/burst",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/properties/burst/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit.properties.burst,data:data37};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
}
else {
const err103 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/rateLimit",schemaPath:"#/properties/services/additionalProperties/properties/rateLimit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.rateLimit.type,parentSchema:schema11.properties.services.additionalProperties.properties.rateLimit,data:data34};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data26.health !== undefined){
let data38 = data26.health;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key11 in data38){
if(!(((key11 === "path") || (key11 === "liveness")) || (key11 === "readiness"))){
const err104 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health",schemaPath:"#/properties/services/additionalProperties/properties/health/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.health,data:data38};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data38.path !== undefined){
let data39 = data38.path;
if(typeof data39 === "string"){
if(!pattern11.test(data39)){
const err105 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/path/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.path,data:data39};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
else {
const err106 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.path.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.path,data:data39};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data38.liveness !== undefined){
let data40 = data38.liveness;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
for(const key12 in data40){
if(!((((((key12 === "path") || (key12 === "interval")) || (key12 === "timeout")) || (key12 === "failureThreshold")) || (key12 === "successThreshold")) || (key12 === "startPeriod"))){
const err107 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness,data:data40};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data40.path !== undefined){
let data41 = data40.path;
if(typeof data41 === "string"){
if(!pattern11.test(data41)){
const err108 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/path/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.path,data:data41};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
else {
const err109 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.path.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.path,data:data41};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data40.interval !== undefined){
let data42 = data40.interval;
const _errs140 = errors;
let valid20 = false;
const _errs141 = errors;
if(typeof data42 === "string"){
if(!pattern0.test(data42)){
const err110 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[0],data:data42};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
else {
const err111 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[0],data:data42};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
var _valid7 = _errs141 === errors;
valid20 = valid20 || _valid7;
if(!valid20){
const _errs143 = errors;
if((typeof data42 == "number") && (isFinite(data42))){
if(data42 > 1.7976931348623157e+308 || isNaN(data42)){
const err112 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[1],data:data42};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(data42 < 0 || isNaN(data42)){
const err113 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[1],data:data42};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
else {
const err114 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf[1],data:data42};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
var _valid7 = _errs143 === errors;
valid20 = valid20 || _valid7;
}
if(!valid20){
const err115 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/interval/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.interval,data:data42};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
else {
errors = _errs140;
if(vErrors !== null){
if(_errs140){
vErrors.length = _errs140;
}
else {
vErrors = null;
}
}
}
}
if(data40.timeout !== undefined){
let data43 = data40.timeout;
const _errs147 = errors;
let valid21 = false;
const _errs148 = errors;
if(typeof data43 === "string"){
if(!pattern0.test(data43)){
const err116 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[0],data:data43};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
else {
const err117 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[0],data:data43};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
var _valid8 = _errs148 === errors;
valid21 = valid21 || _valid8;
if(!valid21){
const _errs150 = errors;
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 > 1.7976931348623157e+308 || isNaN(data43)){
const err118 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[1],data:data43};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
if(data43 < 0 || isNaN(data43)){
const err119 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[1],data:data43};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
else {
const err120 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf[1],data:data43};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
var _valid8 = _errs150 === errors;
valid21 = valid21 || _valid8;
}
if(!valid21){
const err121 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/timeout/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.timeout,data:data43};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
else {
errors = _errs147;
if(vErrors !== null){
if(_errs147){
vErrors.length = _errs147;
}
else {
vErrors = null;
}
}
}
}
if(data40.failureThreshold !== undefined){
let data44 = data40.failureThreshold;
if(!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))){
const err122 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.failureThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.failureThreshold,data:data44};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 < 1 || isNaN(data44)){
const err123 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.failureThreshold,data:data44};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
if(data40.successThreshold !== undefined){
let data45 = data40.successThreshold;
if(!(((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45))) && (isFinite(data45)))){
const err124 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/successThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.successThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.successThreshold,data:data45};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
if((typeof data45 == "number") && (isFinite(data45))){
if(data45 < 1 || isNaN(data45)){
const err125 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/successThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.successThreshold,data:data45};
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
if(data40.startPeriod !== undefined){
let data46 = data40.startPeriod;
const _errs158 = errors;
let valid22 = false;
const _errs159 = errors;
if(typeof data46 === "string"){
if(!pattern0.test(data46)){
const err126 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[0],data:data46};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
else {
const err127 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[0],data:data46};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
var _valid9 = _errs159 === errors;
valid22 = valid22 || _valid9;
if(!valid22){
const _errs161 = errors;
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 > 1.7976931348623157e+308 || isNaN(data46)){
const err128 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[1],data:data46};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if(data46 < 0 || isNaN(data46)){
const err129 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[1],data:data46};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
else {
const err130 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf[1],data:data46};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
var _valid9 = _errs161 === errors;
valid22 = valid22 || _valid9;
}
if(!valid22){
const err131 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/properties/startPeriod/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.properties.startPeriod,data:data46};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
else {
errors = _errs158;
if(vErrors !== null){
if(_errs158){
vErrors.length = _errs158;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err132 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/liveness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/liveness/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.health.properties.liveness.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.liveness,data:data40};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data38.readiness !== undefined){
let data47 = data38.readiness;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
for(const key13 in data47){
if(!((((((key13 === "path") || (key13 === "interval")) || (key13 === "timeout")) || (key13 === "failureThreshold")) || (key13 === "successThreshold")) || (key13 === "startPeriod"))){
const err133 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness,data:data47};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data47.path !== undefined){
let data48 = data47.path;
if(typeof data48 === "string"){
if(!pattern11.test(data48)){
const err134 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/path/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.path,data:data48};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
else {
const err135 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/path",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.path.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.path,data:data48};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data47.interval !== undefined){
let data49 = data47.interval;
const _errs171 = errors;
let valid24 = false;
const _errs172 = errors;
if(typeof data49 === "string"){
if(!pattern0.test(data49)){
const err136 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[0],data:data49};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
else {
const err137 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[0],data:data49};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
var _valid10 = _errs172 === errors;
valid24 = valid24 || _valid10;
if(!valid24){
const _errs174 = errors;
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 > 1.7976931348623157e+308 || isNaN(data49)){
const err138 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[1],data:data49};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
if(data49 < 0 || isNaN(data49)){
const err139 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[1],data:data49};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
else {
const err140 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf[1],data:data49};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
var _valid10 = _errs174 === errors;
valid24 = valid24 || _valid10;
}
if(!valid24){
const err141 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/interval",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/interval/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.interval,data:data49};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
else {
errors = _errs171;
if(vErrors !== null){
if(_errs171){
vErrors.length = _errs171;
}
else {
vErrors = null;
}
}
}
}
if(data47.timeout !== undefined){
let data50 = data47.timeout;
const _errs178 = errors;
let valid25 = false;
const _errs179 = errors;
if(typeof data50 === "string"){
if(!pattern0.test(data50)){
const err142 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[0],data:data50};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[0],data:data50};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
var _valid11 = _errs179 === errors;
valid25 = valid25 || _valid11;
if(!valid25){
const _errs181 = errors;
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 > 1.7976931348623157e+308 || isNaN(data50)){
const err144 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[1],data:data50};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
if(data50 < 0 || isNaN(data50)){
const err145 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[1],data:data50};
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
const err146 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf[1],data:data50};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
var _valid11 = _errs181 === errors;
valid25 = valid25 || _valid11;
}
if(!valid25){
const err147 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/timeout",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/timeout/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.timeout,data:data50};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
else {
errors = _errs178;
if(vErrors !== null){
if(_errs178){
vErrors.length = _errs178;
}
else {
vErrors = null;
}
}
}
}
if(data47.failureThreshold !== undefined){
let data51 = data47.failureThreshold;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err148 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.failureThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.failureThreshold,data:data51};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 < 1 || isNaN(data51)){
const err149 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/failureThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.failureThreshold,data:data51};
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
if(data47.successThreshold !== undefined){
let data52 = data47.successThreshold;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err150 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/successThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.successThreshold.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.successThreshold,data:data52};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 < 1 || isNaN(data52)){
const err151 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/successThreshold",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/successThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.successThreshold,data:data52};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
}
if(data47.startPeriod !== undefined){
let data53 = data47.startPeriod;
const _errs189 = errors;
let valid26 = false;
const _errs190 = errors;
if(typeof data53 === "string"){
if(!pattern0.test(data53)){
const err152 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[0],data:data53};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
else {
const err153 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[0],data:data53};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
var _valid12 = _errs190 === errors;
valid26 = valid26 || _valid12;
if(!valid26){
const _errs192 = errors;
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 > 1.7976931348623157e+308 || isNaN(data53)){
const err154 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[1],data:data53};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
if(data53 < 0 || isNaN(data53)){
const err155 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[1],data:data53};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
else {
const err156 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf[1],data:data53};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
var _valid12 = _errs192 === errors;
valid26 = valid26 || _valid12;
}
if(!valid26){
const err157 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness/startPeriod",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/properties/startPeriod/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.properties.startPeriod,data:data53};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
else {
errors = _errs189;
if(vErrors !== null){
if(_errs189){
vErrors.length = _errs189;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err158 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health/readiness",schemaPath:"#/properties/services/additionalProperties/properties/health/properties/readiness/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.health.properties.readiness.type,parentSchema:schema11.properties.services.additionalProperties.properties.health.properties.readiness,data:data47};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
}
else {
const err159 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/health",schemaPath:"#/properties/services/additionalProperties/properties/health/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.health.type,parentSchema:schema11.properties.services.additionalProperties.properties.health,data:data38};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data26.restart !== undefined){
let data54 = data26.restart;
if(data54 && typeof data54 == "object" && !Array.isArray(data54)){
for(const key14 in data54){
if(!((((((key14 === "policy") || (key14 === "initialBackoff")) || (key14 === "maxBackoff")) || (key14 === "minUptime")) || (key14 === "maxRestarts")) || (key14 === "window"))){
const err160 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart",schemaPath:"#/properties/services/additionalProperties/properties/restart/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.restart,data:data54};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
if(data54.policy !== undefined){
let data55 = data54.policy;
if(typeof data55 !== "string"){
const err161 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/policy",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.policy.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.policy,data:data55};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
if(!(((data55 === "on-failure") || (data55 === "always")) || (data55 === "never"))){
const err162 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/policy",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/policy/enum",keyword:"enum",params:{allowedValues: schema11.properties.services.additionalProperties.properties.restart.properties.policy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.services.additionalProperties.properties.restart.properties.policy.enum,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.policy,data:data55};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data54.initialBackoff !== undefined){
let data56 = data54.initialBackoff;
const _errs201 = errors;
let valid28 = false;
const _errs202 = errors;
if(typeof data56 === "string"){
if(!pattern0.test(data56)){
const err163 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[0],data:data56};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
else {
const err164 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[0],data:data56};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
var _valid13 = _errs202 === errors;
valid28 = valid28 || _valid13;
if(!valid28){
const _errs204 = errors;
if((typeof data56 == "number") && (isFinite(data56))){
if(data56 > 1.7976931348623157e+308 || isNaN(data56)){
const err165 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(data56 < 0 || isNaN(data56)){
const err166 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
else {
const err167 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
var _valid13 = _errs204 === errors;
valid28 = valid28 || _valid13;
}
if(!valid28){
const err168 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/initialBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/initialBackoff/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.initialBackoff,data:data56};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
else {
errors = _errs201;
if(vErrors !== null){
if(_errs201){
vErrors.length = _errs201;
}
else {
vErrors = null;
}
}
}
}
if(data54.maxBackoff !== undefined){
let data57 = data54.maxBackoff;
const _errs208 = errors;
let valid29 = false;
const _errs209 = errors;
if(typeof data57 === "string"){
if(!pattern0.test(data57)){
const err169 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[0],data:data57};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
else {
const err170 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[0],data:data57};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
var _valid14 = _errs209 === errors;
valid29 = valid29 || _valid14;
if(!valid29){
const _errs211 = errors;
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 > 1.7976931348623157e+308 || isNaN(data57)){
const err171 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
if(data57 < 0 || isNaN(data57)){
const err172 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
else {
const err173 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
var _valid14 = _errs211 === errors;
valid29 = valid29 || _valid14;
}
if(!valid29){
const err174 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxBackoff",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxBackoff/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxBackoff,data:data57};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
else {
errors = _errs208;
if(vErrors !== null){
if(_errs208){
vErrors.length = _errs208;
}
else {
vErrors = null;
}
}
}
}
if(data54.minUptime !== undefined){
let data58 = data54.minUptime;
const _errs215 = errors;
let valid30 = false;
const _errs216 = errors;
if(typeof data58 === "string"){
if(!pattern0.test(data58)){
const err175 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[0],data:data58};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
else {
const err176 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[0],data:data58};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
var _valid15 = _errs216 === errors;
valid30 = valid30 || _valid15;
if(!valid30){
const _errs218 = errors;
if((typeof data58 == "number") && (isFinite(data58))){
if(data58 > 1.7976931348623157e+308 || isNaN(data58)){
const err177 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[1],data:data58};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
if(data58 < 0 || isNaN(data58)){
const err178 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[1],data:data58};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
else {
const err179 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf[1],data:data58};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
var _valid15 = _errs218 === errors;
valid30 = valid30 || _valid15;
}
if(!valid30){
const err180 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/minUptime",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/minUptime/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.minUptime,data:data58};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
else {
errors = _errs215;
if(vErrors !== null){
if(_errs215){
vErrors.length = _errs215;
}
else {
vErrors = null;
}
}
}
}
if(data54.maxRestarts !== undefined){
let data59 = data54.maxRestarts;
if(!(((typeof data59 == "number") && (!(data59 % 1) && !isNaN(data59))) && (isFinite(data59)))){
const err181 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxRestarts",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxRestarts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.services.additionalProperties.properties.restart.properties.maxRestarts.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxRestarts,data:data59};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
if((typeof data59 == "number") && (isFinite(data59))){
if(data59 < 0 || isNaN(data59)){
const err182 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/maxRestarts",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/maxRestarts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.maxRestarts,data:data59};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
}
if(data54.window !== undefined){
let data60 = data54.window;
const _errs224 = errors;
let valid31 = false;
const _errs225 = errors;
if(typeof data60 === "string"){
if(!pattern0.test(data60)){
const err183 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[0],data:data60};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
else {
const err184 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[0],data:data60};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
var _valid16 = _errs225 === errors;
valid31 = valid31 || _valid16;
if(!valid31){
const _errs227 = errors;
if((typeof data60 == "number") && (isFinite(data60))){
if(data60 > 1.7976931348623157e+308 || isNaN(data60)){
const err185 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
if(data60 < 0 || isNaN(data60)){
const err186 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
else {
const err187 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
var _valid16 = _errs227 === errors;
valid31 = valid31 || _valid16;
}
if(!valid31){
const err188 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart/window",schemaPath:"#/properties/services/additionalProperties/properties/restart/properties/window/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.restart.properties.window.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.restart.properties.window,data:data60};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
else {
errors = _errs224;
if(vErrors !== null){
if(_errs224){
vErrors.length = _errs224;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err189 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/restart",schemaPath:"#/properties/services/additionalProperties/properties/restart/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.restart.type,parentSchema:schema11.properties.services.additionalProperties.properties.restart,data:data54};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
if(data26.store !== undefined){
let data61 = data26.store;
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
for(const key15 in data61){
if(!(((key15 === "backend") || (key15 === "url")) || (key15 === "passwordFile"))){
const err190 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store",schemaPath:"#/properties/services/additionalProperties/properties/store/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.services.additionalProperties.properties.store,data:data61};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data61.backend !== undefined){
let data62 = data61.backend;
if(typeof data62 !== "string"){
const err191 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/backend",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.backend.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.backend,data:data62};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
if(!((data62 === "sqlite") || (data62 === "postgres"))){
const err192 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/backend",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/backend/enum",keyword:"enum",params:{allowedValues: schema11.properties.services.additionalProperties.properties.store.properties.backend.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.services.additionalProperties.properties.store.properties.backend.enum,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.backend,data:data62};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
if(data61.url !== undefined){
let data63 = data61.url;
if(typeof data63 === "string"){
if(!pattern7.test(data63)){
const err193 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/url",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/url/pattern",keyword:"pattern",params:{pattern: "^postgres(ql)?://"},message:"must match pattern \""+"^postgres(ql)?://"+"\"",schema:"^postgres(ql)?://",parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.url,data:data63};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
else {
const err194 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/url",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.url.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.url,data:data63};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
if(data61.passwordFile !== undefined){
let data64 = data61.passwordFile;
if(typeof data64 === "string"){
if(data64.length < 1){
const err195 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/passwordFile",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/passwordFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.passwordFile,data:data64};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
else {
const err196 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store/passwordFile",schemaPath:"#/properties/services/additionalProperties/properties/store/properties/passwordFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.store.properties.passwordFile.type,parentSchema:schema11.properties.services.additionalProperties.properties.store.properties.passwordFile,data:data64};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
}
else {
const err197 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/store",schemaPath:"#/properties/services/additionalProperties/properties/store/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.properties.store.type,parentSchema:schema11.properties.services.additionalProperties.properties.store,data:data61};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
if(data26.stopTimeout !== undefined){
let data65 = data26.stopTimeout;
const _errs241 = errors;
let valid33 = false;
const _errs242 = errors;
if(typeof data65 === "string"){
if(!pattern0.test(data65)){
const err198 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[0],data:data65};
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
const err199 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[0],data:data65};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
var _valid17 = _errs242 === errors;
valid33 = valid33 || _valid17;
if(!valid33){
const _errs244 = errors;
if((typeof data65 == "number") && (isFinite(data65))){
if(data65 > 1.7976931348623157e+308 || isNaN(data65)){
const err200 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[1],data:data65};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(data65 < 0 || isNaN(data65)){
const err201 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[1],data:data65};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
}
else {
const err202 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf[1],data:data65};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
var _valid17 = _errs244 === errors;
valid33 = valid33 || _valid17;
}
if(!valid33){
const err203 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/stopTimeout",schemaPath:"#/properties/services/additionalProperties/properties/stopTimeout/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.stopTimeout.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.stopTimeout,data:data65};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
else {
errors = _errs241;
if(vErrors !== null){
if(_errs241){
vErrors.length = _errs241;
}
else {
vErrors = null;
}
}
}
}
if(data26.drainDelay !== undefined){
let data66 = data26.drainDelay;
const _errs248 = errors;
let valid34 = false;
const _errs249 = errors;
if(typeof data66 === "string"){
if(!pattern0.test(data66)){
const err204 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"},message:"must match pattern \""+"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"+"\"",schema:"^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$",parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[0],data:data66};
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
const err205 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[0].type,parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[0],data:data66};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
var _valid18 = _errs249 === errors;
valid34 = valid34 || _valid18;
if(!valid34){
const _errs251 = errors;
if((typeof data66 == "number") && (isFinite(data66))){
if(data66 > 1.7976931348623157e+308 || isNaN(data66)){
const err206 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/anyOf/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1.7976931348623157e+308},message:"must be <= 1.7976931348623157e+308",schema:1.7976931348623157e+308,parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[1],data:data66};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
if(data66 < 0 || isNaN(data66)){
const err207 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[1],data:data66};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
else {
const err208 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/anyOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[1].type,parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf[1],data:data66};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
var _valid18 = _errs251 === errors;
valid34 = valid34 || _valid18;
}
if(!valid34){
const err209 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/drainDelay",schemaPath:"#/properties/services/additionalProperties/properties/drainDelay/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.services.additionalProperties.properties.drainDelay.anyOf,parentSchema:schema11.properties.services.additionalProperties.properties.drainDelay,data:data66};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
else {
errors = _errs248;
if(vErrors !== null){
if(_errs248){
vErrors.length = _errs248;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err210 = {instancePath:instancePath+"/services/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/services/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.additionalProperties.type,parentSchema:schema11.properties.services.additionalProperties,data:data26};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
}
else {
const err211 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.services.type,parentSchema:schema11.properties.services,data:data25};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
}
else {
const err212 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateGrant = validate11;
const schema12 = {"type":"object","required":["apiVersion","kind","id","program","agency","originator","recipients"],"properties":{"apiVersion":{"type":"string","enum":["hmsops/v1"]},"kind":{"type":"string","enum":["Grant"]},"id":{"type":"string","pattern":"^[A-Za-z0-9._-]{1,40}$","x-hint":"1-40 letters, digits or . _ -"},"program":{"type":"string","minLength":1},"agency":{"type":"string","minLength":1},"originator":{"type":"object","required":["name","companyId","odfiRouting"],"properties":{"name":{"type":"string","minLength":1},"companyId":{"type":"string","pattern":"^[0-9A-Za-z ]{10}$","x-hint":"exactly 10 characters (quote it in YAML)"},"odfiRouting":{"type":"string","pattern":"^\\d{9}$","x-hint":"a 9-digit routing number (quote it in YAML)"}},"additionalProperties":false},"effectiveDate":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","x-hint":"a date YYYY-MM-DD"},"secCode":{"type":"string","enum":["CCD","PPD"]},"recipients":{"type":"array","items":{"type":"object","required":["id","name","email","routing","account","accountType","amount"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9._-]{1,40}$","x-hint":"1-40 letters, digits or . _ -"},"name":{"type":"string","minLength":1},"email":{"type":"string","pattern":"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$","x-hint":"an email address"},"routing":{"type":"string","pattern":"^\\d{9}$","x-hint":"a 9-digit routing number (quote it in YAML)"},"account":{"type":"string","pattern":"^[0-9A-Za-z-]{1,17}$","x-hint":"1-17 digits, letters or hyphens (quote it in YAML)"},"accountType":{"type":"string","enum":["checking","savings"]},"amount":{"type":"string","description":"USD as a decimal string, at most 2 decimals: \"50000.00\""},"secCode":{"type":"string","enum":["CCD","PPD"]}},"additionalProperties":false},"minItems":1}},"additionalProperties":false};
const pattern27 = new RegExp("^[A-Za-z0-9._-]{1,40}$", "u");
const pattern28 = new RegExp("^[0-9A-Za-z ]{10}$", "u");
const pattern29 = new RegExp("^\\d{9}$", "u");
const pattern30 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
const pattern32 = new RegExp("^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$", "u");
const pattern34 = new RegExp("^[0-9A-Za-z-]{1,17}$", "u");

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
if(!pattern27.test(data2)){
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
if(!pattern28.test(data7)){
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
if(!pattern29.test(data8)){
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
if(!pattern30.test(data9)){
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
if(data.secCode !== undefined){
let data10 = data.secCode;
if(typeof data10 !== "string"){
const err31 = {instancePath:instancePath+"/secCode",schemaPath:"#/properties/secCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.secCode.type,parentSchema:schema12.properties.secCode,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!((data10 === "CCD") || (data10 === "PPD"))){
const err32 = {instancePath:instancePath+"/secCode",schemaPath:"#/properties/secCode/enum",keyword:"enum",params:{allowedValues: schema12.properties.secCode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.secCode.enum,parentSchema:schema12.properties.secCode,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.recipients !== undefined){
let data11 = data.recipients;
if(Array.isArray(data11)){
if(data11.length < 1){
const err33 = {instancePath:instancePath+"/recipients",schemaPath:"#/properties/recipients/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.recipients,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
let data12 = data11[i0];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.id === undefined){
const err34 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data12.name === undefined){
const err35 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data12.email === undefined){
const err36 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data12.routing === undefined){
const err37 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "routing"},message:"must have required property '"+"routing"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data12.account === undefined){
const err38 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "account"},message:"must have required property '"+"account"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data12.accountType === undefined){
const err39 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "accountType"},message:"must have required property '"+"accountType"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data12.amount === undefined){
const err40 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/required",keyword:"required",params:{missingProperty: "amount"},message:"must have required property '"+"amount"+"'",schema:schema12.properties.recipients.items.required,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
for(const key2 in data12){
if(!((((((((key2 === "id") || (key2 === "name")) || (key2 === "email")) || (key2 === "routing")) || (key2 === "account")) || (key2 === "accountType")) || (key2 === "amount")) || (key2 === "secCode"))){
const err41 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data12.id !== undefined){
let data13 = data12.id;
if(typeof data13 === "string"){
if(!pattern27.test(data13)){
const err42 = {instancePath:instancePath+"/recipients/" + i0+"/id",schemaPath:"#/properties/recipients/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._-]{1,40}$"},message:"must match pattern \""+"^[A-Za-z0-9._-]{1,40}$"+"\"",schema:"^[A-Za-z0-9._-]{1,40}$",parentSchema:schema12.properties.recipients.items.properties.id,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/recipients/" + i0+"/id",schemaPath:"#/properties/recipients/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.id.type,parentSchema:schema12.properties.recipients.items.properties.id,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data12.name !== undefined){
let data14 = data12.name;
if(typeof data14 === "string"){
if(data14.length < 1){
const err44 = {instancePath:instancePath+"/recipients/" + i0+"/name",schemaPath:"#/properties/recipients/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.recipients.items.properties.name,data:data14};
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
const err45 = {instancePath:instancePath+"/recipients/" + i0+"/name",schemaPath:"#/properties/recipients/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.name.type,parentSchema:schema12.properties.recipients.items.properties.name,data:data14};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data12.email !== undefined){
let data15 = data12.email;
if(typeof data15 === "string"){
if(!pattern32.test(data15)){
const err46 = {instancePath:instancePath+"/recipients/" + i0+"/email",schemaPath:"#/properties/recipients/items/properties/email/pattern",keyword:"pattern",params:{pattern: "^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"},message:"must match pattern \""+"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$"+"\"",schema:"^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$",parentSchema:schema12.properties.recipients.items.properties.email,data:data15};
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
const err47 = {instancePath:instancePath+"/recipients/" + i0+"/email",schemaPath:"#/properties/recipients/items/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.email.type,parentSchema:schema12.properties.recipients.items.properties.email,data:data15};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data12.routing !== undefined){
let data16 = data12.routing;
if(typeof data16 === "string"){
if(!pattern29.test(data16)){
const err48 = {instancePath:instancePath+"/recipients/" + i0+"/routing",schemaPath:"#/properties/recipients/items/properties/routing/pattern",keyword:"pattern",params:{pattern: "^\\d{9}$"},message:"must match pattern \""+"^\\d{9}$"+"\"",schema:"^\\d{9}$",parentSchema:schema12.properties.recipients.items.properties.routing,data:data16};
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
const err49 = {instancePath:instancePath+"/recipients/" + i0+"/routing",schemaPath:"#/properties/recipients/items/properties/routing/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.routing.type,parentSchema:schema12.properties.recipients.items.properties.routing,data:data16};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data12.account !== undefined){
let data17 = data12.account;
if(typeof data17 === "string"){
if(!pattern34.test(data17)){
const err50 = {instancePath:instancePath+"/recipients/" + i0+"/account",schemaPath:"#/properties/recipients/items/properties/account/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z-]{1,17}$"},message:"must match pattern \""+"^[0-9A-Za-z-]{1,17}$"+"\"",schema:"^[0-9A-Za-z-]{1,17}$",parentSchema:schema12.properties.recipients.items.properties.account,data:data17};
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
const err51 = {instancePath:instancePath+"/recipients/" + i0+"/account",schemaPath:"#/properties/recipients/items/properties/account/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.account.type,parentSchema:schema12.properties.recipients.items.properties.account,data:data17};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data12.accountType !== undefined){
let data18 = data12.accountType;
if(typeof data18 !== "string"){
const err52 = {instancePath:instancePath+"/recipients/" + i0+"/accountType",schemaPath:"#/properties/recipients/items/properties/accountType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.accountType.type,parentSchema:schema12.properties.recipients.items.properties.accountType,data:data18};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(!((data18 === "checking") || (data18 === "savings"))){
const err53 = {instancePath:instancePath+"/recipients/" + i0+"/accountType",schemaPath:"#/properties/recipients/items/properties/accountType/enum",keyword:"enum",params:{allowedValues: schema12.properties.recipients.items.properties.accountType.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.recipients.items.properties.accountType.enum,parentSchema:schema12.properties.recipients.items.properties.accountType,data:data18};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data12.amount !== undefined){
let data19 = data12.amount;
if(typeof data19 !== "string"){
const err54 = {instancePath:instancePath+"/recipients/" + i0+"/amount",schemaPath:"#/properties/recipients/items/properties/amount/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.amount.type,parentSchema:schema12.properties.recipients.items.properties.amount,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data12.secCode !== undefined){
let data20 = data12.secCode;
if(typeof data20 !== "string"){
const err55 = {instancePath:instancePath+"/recipients/" + i0+"/secCode",schemaPath:"#/properties/recipients/items/properties/secCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.recipients.items.properties.secCode.type,parentSchema:schema12.properties.recipients.items.properties.secCode,data:data20};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(!((data20 === "CCD") || (data20 === "PPD"))){
const err56 = {instancePath:instancePath+"/recipients/" + i0+"/secCode",schemaPath:"#/properties/recipients/items/properties/secCode/enum",keyword:"enum",params:{allowedValues: schema12.properties.recipients.items.properties.secCode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.recipients.items.properties.secCode.enum,parentSchema:schema12.properties.recipients.items.properties.secCode,data:data20};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/recipients/" + i0,schemaPath:"#/properties/recipients/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.recipients.items.type,parentSchema:schema12.properties.recipients.items,data:data12};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/recipients",schemaPath:"#/properties/recipients/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.recipients.type,parentSchema:schema12.properties.recipients,data:data11};
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
const err59 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
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
if(!pattern27.test(data0)){
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
if(!pattern32.test(data2)){
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
if(!pattern29.test(data3)){
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
if(!pattern34.test(data4)){
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
          "x-kind": "duration",
          "anyOf": [
            {
              "type": "string",
              "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
            },
            {
              "type": "number",
              "minimum": 0,
              "maximum": 1.7976931348623157e+308
            }
          ],
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
          "x-kind": "duration",
          "anyOf": [
            {
              "type": "string",
              "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
            },
            {
              "type": "number",
              "minimum": 0,
              "maximum": 1.7976931348623157e+308
            }
          ],
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
            "embedded"
          ],
          "default": "embedded"
        },
        "ttl": {
          "x-kind": "duration",
          "anyOf": [
            {
              "type": "string",
              "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
            },
            {
              "type": "number",
              "minimum": 0,
              "maximum": 1.7976931348623157e+308
            }
          ],
          "description": "an instance that has not heartbeated for this long is critical",
          "default": "10s"
        },
        "deregisterAfter": {
          "x-kind": "duration",
          "anyOf": [
            {
              "type": "string",
              "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
            },
            {
              "type": "number",
              "minimum": 0,
              "maximum": 1.7976931348623157e+308
            }
          ],
          "description": "a critical instance silent for this long is removed",
          "default": "1m"
        }
      },
      "additionalProperties": false
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
            "description": "shell command that starts one instance; gets PORT and HOST=127.0.0.1"
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
                "x-kind": "duration",
                "anyOf": [
                  {
                    "type": "string",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                  },
                  {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1.7976931348623157e+308
                  }
                ],
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
                    "x-kind": "duration",
                    "anyOf": [
                      {
                        "type": "string",
                        "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                      },
                      {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1.7976931348623157e+308
                      }
                    ],
                    "description": "time between probes",
                    "default": "2s"
                  },
                  "timeout": {
                    "x-kind": "duration",
                    "anyOf": [
                      {
                        "type": "string",
                        "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                      },
                      {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1.7976931348623157e+308
                      }
                    ],
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
                    "x-kind": "duration",
                    "anyOf": [
                      {
                        "type": "string",
                        "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                      },
                      {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1.7976931348623157e+308
                      }
                    ],
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
                    "x-kind": "duration",
                    "anyOf": [
                      {
                        "type": "string",
                        "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                      },
                      {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1.7976931348623157e+308
                      }
                    ],
                    "description": "time between probes",
                    "default": "1s"
                  },
                  "timeout": {
                    "x-kind": "duration",
                    "anyOf": [
                      {
                        "type": "string",
                        "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                      },
                      {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1.7976931348623157e+308
                      }
                    ],
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
                    "x-kind": "duration",
                    "anyOf": [
                      {
                        "type": "string",
                        "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                      },
                      {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1.7976931348623157e+308
                      }
                    ],
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
                "x-kind": "duration",
                "anyOf": [
                  {
                    "type": "string",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                  },
                  {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1.7976931348623157e+308
                  }
                ],
                "default": "100ms"
              },
              "maxBackoff": {
                "x-kind": "duration",
                "anyOf": [
                  {
                    "type": "string",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                  },
                  {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1.7976931348623157e+308
                  }
                ],
                "default": "10s"
              },
              "minUptime": {
                "x-kind": "duration",
                "anyOf": [
                  {
                    "type": "string",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                  },
                  {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1.7976931348623157e+308
                  }
                ],
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
                "x-kind": "duration",
                "anyOf": [
                  {
                    "type": "string",
                    "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
                  },
                  {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1.7976931348623157e+308
                  }
                ],
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
              }
            },
            "additionalProperties": false,
            "description": "this service's store, where it differs from the fleet's (its own database user, say)"
          },
          "stopTimeout": {
            "x-kind": "duration",
            "anyOf": [
              {
                "type": "string",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
              },
              {
                "type": "number",
                "minimum": 0,
                "maximum": 1.7976931348623157e+308
              }
            ],
            "description": "time between SIGTERM and SIGKILL",
            "default": "10s"
          },
          "drainDelay": {
            "x-kind": "duration",
            "anyOf": [
              {
                "type": "string",
                "pattern": "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)?\\s*$"
              },
              {
                "type": "number",
                "minimum": 0,
                "maximum": 1.7976931348623157e+308
              }
            ],
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
