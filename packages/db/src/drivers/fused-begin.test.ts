import { describe, expect, it } from 'vitest';
import { fuseBegin, WITH_NEXT } from './fused-begin.ts';

/** A client that records what reaches the wire and answers each call when told to. */
function recordingClient() {
  const sent: unknown[][] = [];
  const answers: ((value: unknown) => void)[] = [];
  const client = {
    query: (...args: unknown[]) => {
      sent.push(args);
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
      const results = text.split(';').map((statement) => ({ command: statement.trim().split(/\s/)[0] }));
      return new Promise((resolve) => answers.push(() => resolve(results.length > 1 ? results : results[0])));
    },
  };
  const answerAll = () => answers.splice(0).forEach((answer) => answer(undefined));
  return { client, sent, answerAll };
}

describe('fuseBegin', () => {
  it('sends BEGIN with the next simple statement, in one message, and answers with that statement’s result', async () => {
    const { client, sent, answerAll } = recordingClient();
    fuseBegin(client);
    expect(await client.query({ text: 'begin' }, [])).toMatchObject({ command: 'BEGIN' });
    expect(sent).toEqual([]);
    const first = client.query({ text: "select set_config('app.tenant_id', 'x', true)" }, []);
    answerAll();
    expect(await first).toEqual({ command: 'select' });
    expect(sent).toEqual([[{ text: "begin;\nselect set_config('app.tenant_id', 'x', true)" }, []]]);
  });

  it('sends a held BEGIN on its own before a statement with parameters', async () => {
    const { client, sent, answerAll } = recordingClient();
    fuseBegin(client);
    await client.query('begin');
    const first = client.query({ text: 'select $1' }, [1]);
    answerAll();
    await Promise.resolve();
    answerAll();
    await first;
    expect(sent).toEqual([['begin'], [{ text: 'select $1' }, [1]]]);
  });

  it('does not wait for the COMMIT of a transaction that only read, but waits for any other', async () => {
    const { client, sent, answerAll } = recordingClient();
    fuseBegin(client);
    const readOnly = async (statements: string[]) => {
      await client.query('begin');
      for (const text of statements) {
        const read = client.query({ text }, []);
        answerAll();
        await read;
      }
      let committed = false;
      const commit = client.query('commit').then(() => (committed = true));
      await Promise.resolve();
      await Promise.resolve();
      const early = committed;
      answerAll();
      await commit;
      return early;
    };
    // Answered before the server has: the COMMIT is on the wire.
    expect(await readOnly(['select * from app_enter_session($1, $2)', 'with a as (select 1) select * from a'])).toBe(
      true,
    );
    expect(sent.at(-1)).toEqual(['commit']);
    expect(await readOnly(['select 1', 'insert into t values (1)'])).toBe(false);
    expect(await readOnly(['select 1', 'with a as (delete from t returning *) select * from a'])).toBe(false);
    expect(await readOnly(['select * from t for update'])).toBe(false);
    expect(await readOnly(['savepoint sp1'])).toBe(false);
    // A transaction rolled back ends it: the next starts afresh.
    await client.query('begin');
    const failed = client.query({ text: 'update t set a = 1' }, []);
    answerAll();
    await failed;
    const rollback = client.query('rollback');
    answerAll();
    await rollback;
    expect(await readOnly(['select 2'])).toBe(true);
  });

  it('leaves calls with a callback alone', () => {
    const { client, sent } = recordingClient();
    fuseBegin(client);
    const callback = () => {};
    void client.query('begin', callback);
    expect(sent).toEqual([['begin', callback]]);
  });

  it('holds a statement marked WITH_NEXT for the next one: with a simple one in its message, alone before one with parameters', async () => {
    const { client, sent, answerAll } = recordingClient();
    fuseBegin(client);
    const marked = `${WITH_NEXT} select app_send_notification('x')`;
    const step = async (...args: unknown[]) => {
      const result = client.query(...args);
      answerAll();
      await Promise.resolve();
      answerAll();
      return result;
    };
    await step('begin');
    await step({ text: 'select 1' }, []);
    expect(await step(marked)).toMatchObject({ command: 'SELECT' });
    expect(sent).toEqual([[{ text: 'begin;\nselect 1' }, []]]);
    // With the next simple statement, in its message; the caller gets that statement's answer.
    expect(await step({ text: 'select 2' }, [])).toEqual({ command: 'select' });
    expect(sent.at(-1)).toEqual([{ text: `${marked};\nselect 2` }, []]);
    // Before a statement with parameters: on its own first.
    await step(marked);
    await step({ text: 'select $1' }, [1]);
    expect(sent.slice(-2)).toEqual([[marked], [{ text: 'select $1' }, [1]]]);
    // It wrote: the COMMIT it travels with is waited for.
    await step(marked);
    let committed = false;
    const commit = client.query('commit').then(() => (committed = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(committed).toBe(false);
    answerAll();
    await commit;
    expect(sent.at(-1)).toEqual([`${marked};\ncommit`]);
  });

  it('drops a held statement before a ROLLBACK, and sends one outside a transaction at once', async () => {
    const { client, sent, answerAll } = recordingClient();
    fuseBegin(client);
    const marked = `${WITH_NEXT} select app_send_notification('x')`;
    await client.query('begin');
    const first = client.query({ text: 'select 1' }, []);
    answerAll();
    await first;
    await client.query(marked);
    const rollback = client.query('rollback');
    answerAll();
    await rollback;
    expect(sent.at(-1)).toEqual(['rollback']);
    const alone = client.query(marked);
    answerAll();
    await alone;
    expect(sent.at(-1)).toEqual([marked]);
  });
});
