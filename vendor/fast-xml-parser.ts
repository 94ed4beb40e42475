/**
 * The package's one third-party runtime library, fast-xml-parser, taken in through this file so the
 * build can bundle it: n8n refuses community packages with runtime dependencies (n8n's scanner rule
 * `no-runtime-dependencies`), so fast-xml-parser is a pinned devDependency and `npm run build`
 * replaces tsc's output of this file with an esbuild bundle of the library (dist/vendor/). Code
 * that parses XML imports from here, never from 'fast-xml-parser' itself; test/e2e's package scan
 * checks the packed files for that.
 */
export { XMLParser } from 'fast-xml-parser';
