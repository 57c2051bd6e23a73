// An MCP client built on the official TypeScript SDK, for interoperability tests of Switchboard's
// servers. It connects, lists tools, calls echo and add (and, when the server has them, the
// test_sampling and test_tool_with_progress tools, answering sampling/createMessage with a canned
// reply), lists resources and prompts, and prints ONE JSON line with what it saw.
//
//   node ts-client.mjs [--timeout-ms N] --url http://127.0.0.1:PORT/mcp    (Streamable HTTP)
//   node ts-client.mjs [--timeout-ms N] -- COMMAND [ARGS...]              (stdio: spawns COMMAND)
//
// Exit status: 0 when every step worked, 1 on a failure, 2 on timeout (default 30000 ms), 64 on bad
// usage. On failure the JSON line has "ok": false and "error".
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const CANNED_REPLY = 'a canned reply from the TypeScript SDK client';

function parseArgs(argv) {
  const options = { timeoutMs: 30000, url: null, command: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') {
      options.url = argv[++i];
    } else if (arg === '--timeout-ms') {
      options.timeoutMs = Number(argv[++i]);
    } else if (arg === '--') {
      options.command = argv.slice(i + 1);
      break;
    } else {
      throw new Error(`argument: ${arg} (expected: --url URL, --timeout-ms N or -- COMMAND ARGS...)`);
    }
  }
  if ((options.url === null) === (options.command === null || options.command.length === 0)) {
    throw new Error('transport: none or both (expected: exactly one of --url URL and -- COMMAND)');
  }
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new Error(`--timeout-ms: ${options.timeoutMs} (expected: a positive integer)`);
  }
  return options;
}

function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

function textOf(result) {
  return result.content?.find(c => c.type === 'text')?.text ?? null;
}

async function exercise(client, result) {
  result.serverInfo = client.getServerVersion() ?? null;
  result.capabilities = Object.keys(client.getServerCapabilities() ?? {}).sort();
  const tools = (await client.listTools()).tools.map(t => t.name);
  result.tools = tools;

  result.echo = textOf(await client.callTool({ name: 'echo', arguments: { message: 'hello from TypeScript' } }));
  const sum = await client.callTool({ name: 'add', arguments: { a: 40, b: 2 } });
  result.add = { text: textOf(sum), structuredContent: sum.structuredContent ?? null };

  if (tools.includes('test_sampling')) {
    result.sampling = textOf(
      await client.callTool({ name: 'test_sampling', arguments: { prompt: 'say something' } }));
  }
  if (tools.includes('test_tool_with_progress')) {
    const progress = [];
    await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined, {
      onprogress: p => progress.push(p.progress),
    });
    result.progress = progress;
  }

  result.resources = (await client.listResources()).resources.map(r => r.uri);
  if (result.resources.length > 0) {
    const read = await client.readResource({ uri: result.resources[0] });
    result.firstResource = { uri: result.resources[0], text: read.contents[0]?.text ?? null };
  }
  result.prompts = (await client.listPrompts()).prompts.map(p => p.name);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    print({ ok: false, error: e.message });
    process.exit(64);
  }
  const result = {
    ok: false,
    transport: options.url ? 'streamable-http' : 'stdio',
    samplingRequests: 0,
    lateProgress: [],
    clientErrors: [],
  };
  const client = new Client({ name: 'switchboard-ts-interop', version: '1.0.0' }, { capabilities: { sampling: {} } });
  // The SDK dispatches notifications on a later microtask but responses at once, so a progress
  // notification that arrives in the same read as the response is reported as "unknown token" after
  // the call completed. Those are kept apart, so a test can tell late from missing.
  let done = false;
  client.onerror = error => {
    if (done) {
      // Ending the session ends the server's GET stream too; what the SDK reports then is expected.
      return;
    }
    const late = /progress notification for an unknown token: (.*)$/s.exec(error?.message ?? '');
    if (late) {
      result.lateProgress.push(JSON.parse(late[1]).params.progress);
    } else {
      result.clientErrors.push(String(error));
    }
  };
  client.setRequestHandler(CreateMessageRequestSchema, async () => {
    result.samplingRequests++;
    return { role: 'assistant', model: 'canned-model', content: { type: 'text', text: CANNED_REPLY } };
  });
  const transport = options.url
    ? new StreamableHTTPClientTransport(new URL(options.url))
    : new StdioClientTransport({ command: options.command[0], args: options.command.slice(1), stderr: 'inherit' });
  const timer = setTimeout(() => {
    print({ ...result, ok: false, error: `timeout: no result within ${options.timeoutMs} ms` });
    // Exiting does not end a spawned server; end it here, since close() may be what hangs.
    if (transport.pid) {
      try {
        process.kill(transport.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(2);
  }, options.timeoutMs);
  let status = 1;
  try {
    await client.connect(transport);
    result.protocolVersion = transport.protocolVersion ?? null;
    await exercise(client, result);
    done = true;
    if (options.url) {
      // DELETE the session, as a well-behaved client does when it is done.
      await transport.terminateSession();
      result.sessionTerminated = true;
    }
    result.ok = true;
    status = 0;
  } catch (e) {
    result.error = String(e?.stack ?? e);
  } finally {
    await client.close().catch(() => {});
    clearTimeout(timer);
  }
  print(result);
  process.exit(status);
}

await main();
