// Use as: node --import ./shim/register.mjs <script>
// Installs loader-hooks.mjs so the conformance suite runs on Node 20.
import { register } from 'node:module';

register('./loader-hooks.mjs', import.meta.url);
