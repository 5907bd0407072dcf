/**
 * Fastify's own schema compilers (@fastify/ajv-compiler, @fastify/fast-json-stringify-compiler,
 * the ones it uses by default), with each route's validators and serializers compiled when the
 * route is first called rather than all at start: an instance that answers a few routes (a probe,
 * a test's fleet) does not pay for the rest, and start-up is some 0.1 s of CPU shorter per
 * service (docs/benchmarks.md). `compileAll` compiles what is left, so a test can show that every
 * route's schemas compile (test/unit/service-schemas.test.ts).
 */
import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type Serialize = (data: unknown) => string;

export interface LazySchemas {
  /** Fastify's `schemaController.compilersFactory`. */
  compilersFactory: CompilersFactory;
  /** Compiles every validator and serializer not compiled yet; throws what a schema's compiler throws. */
  compileAll(): void;
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export function lazySchemas(): LazySchemas {
  const pending = new Set<() => unknown>();
  /** `compile` run on the first call of what it returns (or by compileAll), once. */
  const later = <F>(compile: () => F) => {
    let compiled: F | undefined;
    const ready = (): F => {
      pending.delete(ready);
      compiled ??= compile();
      return compiled;
    };
    pending.add(ready);
    return ready;
  };
  const buildValidators = AjvCompiler() as unknown as (externalSchemas: unknown, ajvOptions: unknown) => (route: unknown) => Validate;
  const buildSerializers = SerializerSelector() as unknown as (externalSchemas: unknown, serializerOptions: unknown) => (route: unknown) => Serialize;
  const compilersFactory = {
    buildValidator(externalSchemas: unknown, ajvOptions: unknown) {
      const compile = buildValidators(externalSchemas, ajvOptions);
      return (route: unknown) => {
        const ready = later(() => compile(route));
        // Ajv's interface, as Fastify reads it: the result, and `errors` on the function after a `false`.
        const validate: Validate = (data) => {
          const fn = ready();
          const result = fn(data);
          validate.errors = fn.errors;
          return result;
        };
        return validate;
      };
    },
    buildSerializer(externalSchemas: unknown, serializerOptions: unknown) {
      const compile = buildSerializers(externalSchemas, serializerOptions);
      return (route: unknown) => {
        const ready = later(() => compile(route));
        return (data: unknown) => ready()(data);
      };
    },
  };
  return {
    // Fastify types a validator as Ajv's ValidateFunction; this one keeps its interface (the result, `errors`).
    compilersFactory: compilersFactory as unknown as CompilersFactory,
    compileAll() {
      for (const ready of [...pending]) ready();
    },
  };
}
