import reducer, { connected, connectFailed, disconnected, reconnecting } from './connectionSlice';

describe('connectionSlice', () => {
  it('starts connecting', () => {
    expect(reducer(undefined, { type: 'init' })).toEqual({
      status: 'connecting',
      socketId: null,
      lastDisconnectReason: null,
      reconnectAttempts: 0,
      lastError: null,
    });
  });

  it('goes connected, reconnecting with attempts, then connected again', () => {
    let state = reducer(undefined, connected({ socketId: 'abc' }));
    expect(state).toMatchObject({ status: 'connected', socketId: 'abc' });

    state = reducer(state, disconnected({ reason: 'transport close', willReconnect: true }));
    expect(state).toMatchObject({
      status: 'reconnecting',
      socketId: null,
      lastDisconnectReason: 'transport close',
    });

    state = reducer(state, reconnecting({ attempt: 2 }));
    expect(state.reconnectAttempts).toBe(2);

    state = reducer(state, connected({ socketId: 'def' }));
    expect(state).toMatchObject({ status: 'connected', socketId: 'def', reconnectAttempts: 0 });
  });

  it('is disconnected after a disconnect that will not be retried', () => {
    const state = reducer(
      undefined,
      disconnected({ reason: 'io client disconnect', willReconnect: false }),
    );
    expect(state.status).toBe('disconnected');
  });

  it("keeps the server's refusal", () => {
    const state = reducer(undefined, connectFailed({ error: 'Bad name.', willRetry: false }));
    expect(state).toMatchObject({ status: 'disconnected', lastError: 'Bad name.' });
  });

  it('names its console line in meta', () => {
    expect(connected({ socketId: 'x' }).meta).toEqual({
      console: { line: 'Connected.', level: 'log' },
    });
    expect(connectFailed({ error: 'No.', willRetry: false }).meta).toEqual({
      console: { line: 'Connection refused: No.', level: 'warn' },
    });
    expect(connectFailed({ error: 'xhr poll error', willRetry: true }).meta).toEqual({
      console: { line: 'Could not connect (xhr poll error); retrying.', level: 'warn' },
    });
  });
});
