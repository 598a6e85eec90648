import { describe, expect, it } from 'vitest';
import { nameStatements, namesStatements } from './named-statements.ts';

function recordingClient() {
  const sent: unknown[][] = [];
  const client = {
    query: (...args: unknown[]) => {
      sent.push(args);
      return Promise.resolve({ rows: [] });
    },
  };
  return { client, sent };
}

describe('nameStatements', () => {
  it('names each text with parameters once per connection, the same name every time it comes again', async () => {
    const { client, sent } = recordingClient();
    nameStatements(client);
    await client.query({ text: 'select $1', types: 't' }, [1]);
    await client.query({ text: 'select $1 + 1' }, [1]);
    await client.query({ text: 'select $1', rowMode: 'array' }, [2]);
    expect(sent).toEqual([
      [{ text: 'select $1', types: 't', name: 's1' }, [1]],
      [{ text: 'select $1 + 1', name: 's2' }, [1]],
      [{ text: 'select $1', rowMode: 'array', name: 's1' }, [2]],
    ]);
    // Another connection names its own.
    const other = recordingClient();
    nameStatements(other.client);
    await other.client.query({ text: 'select $1 + 1' }, [1]);
    expect(other.sent).toEqual([[{ text: 'select $1 + 1', name: 's1' }, [1]]]);
  });

  it('leaves statements without parameters, named ones, plain texts and callbacks alone, and stops naming at the limit', async () => {
    const { client, sent } = recordingClient();
    nameStatements(client, 1);
    const callback = () => {};
    const untouched: unknown[][] = [
      [{ text: 'begin;\nselect 1' }, []],
      [{ text: 'select $1', name: 'mine' }, [1]],
      ['select $1', [1]],
      [{ text: 'select $1' }, [1], callback],
    ];
    for (const args of untouched) await client.query(...args);
    expect(sent).toEqual(untouched);
    await client.query({ text: 'select $1' }, [1]);
    await client.query({ text: 'select $2' }, [1]);
    expect(sent.slice(-2)).toEqual([
      [{ text: 'select $1', name: 's1' }, [1]],
      [{ text: 'select $2' }, [1]],
    ]);
  });

  it('is on by default, off for the pooled app login unless asked for', () => {
    expect(namesStatements({})).toBe(true);
    expect(namesStatements({ appLogin: true })).toBe(false);
    expect(namesStatements({ appLogin: true, namedStatements: true })).toBe(true);
    expect(namesStatements({ namedStatements: false })).toBe(false);
  });
});
