#!/usr/bin/env -S node --no-wasm-code-gc
import '../src/cli/tend.ts';
