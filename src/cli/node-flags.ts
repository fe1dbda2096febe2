/**
 * Node flags every Tend process that runs WebAssembly starts with (PGlite, HiGHS): the same list
 * is written out in package.json's scripts, bin/tend.js and the browser tests' server command,
 * and test/node-flags.test.ts checks they agree.
 *
 * `--no-wasm-code-gc`: Node 24's V8 can abort the whole process when it frees compiled
 * WebAssembly that is no longer used (`Check failed: jit_page_->allocations_.erase(addr) == 1`,
 * nodejs/node#64500 and #66366, fixed upstream but not in 24.x); a demo start died of it in CI.
 * Keeping that code costs a few megabytes; V8 does not accept the flag in NODE_OPTIONS.
 */
export const nodeFlags = ['--no-wasm-code-gc'];
