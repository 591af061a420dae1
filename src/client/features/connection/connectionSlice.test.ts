import reducer, { connected, disconnected } from './connectionSlice';

describe('connectionSlice', () => {
  it('starts connecting', () => {
    expect(reducer(undefined, { type: 'init' })).toEqual({
      status: 'connecting',
      socketId: null,
      lastDisconnectReason: null,
    });
  });

  it('records the socket id on connect and the reason on disconnect', () => {
    const online = reducer(undefined, connected({ socketId: 'abc' }));
    expect(online).toMatchObject({ status: 'connected', socketId: 'abc' });

    const offline = reducer(online, disconnected({ reason: 'transport close' }));
    expect(offline).toEqual({
      status: 'disconnected',
      socketId: null,
      lastDisconnectReason: 'transport close',
    });
  });
});
