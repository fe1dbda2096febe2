#!/usr/bin/env node
import '../src/cli/tend.ts';
