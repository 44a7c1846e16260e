import { describe, expect, it, expectTypeOf } from 'vitest';
import { HOST_CALL_NAMES, HOST_EVENT_NAMES, hostCalls, hostEvents, type HostApi, type HostCallResult } from './hostApi.js';

const connector = {
  schemaVersion: 2,
  id: 'c1',
  name: 'Find contact',
  steps: [{ id: 'search', url: 'https://api.example.com/search' }],
};

describe('host API contract', () => {
  it('has a schema for every call name and every event name', () => {
    expect(Object.keys(hostCalls).sort()).toEqual([...HOST_CALL_NAMES].sort());
    expect(Object.keys(hostEvents).sort()).toEqual([...HOST_EVENT_NAMES].sort());
  });

  it('accepts calls without params with or without an empty object', () => {
    expect(hostCalls['connectors.list'].params.safeParse(undefined).success).toBe(true);
    expect(hostCalls['connectors.list'].params.safeParse({}).success).toBe(true);
    expect(hostCalls['connectors.list'].params.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('rejects a save whose connector is structurally invalid, with a path', () => {
    const result = hostCalls['connectors.save'].params.safeParse({ connector: { ...connector, steps: [] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['connector', 'steps']);
    expect(hostCalls['connectors.save'].params.safeParse({ connector, baseHash: 'abc' }).success).toBe(true);
  });

  it('requires exactly one of connectorId and connector to start a run, and records live runs only', () => {
    const start = hostCalls['runs.start'].params;
    expect(start.safeParse({ mode: 'mock' }).success).toBe(false);
    expect(start.safeParse({ mode: 'mock', connectorId: 'c1', connector }).success).toBe(false);
    expect(start.safeParse({ mode: 'mock', connectorId: 'c1' }).success).toBe(true);
    expect(start.safeParse({ mode: 'mock', connectorId: 'c1', record: true }).success).toBe(false);
    expect(start.safeParse({ mode: 'live', connector, record: true, cassette: 'happy-path' }).success).toBe(true);
    expect(start.safeParse({ mode: 'replay', connectorId: 'c1', cassette: '../../etc/passwd' }).success).toBe(false);
  });

  it('refuses credential names that are not identifiers and empty values', () => {
    const set = hostCalls['credentials.set'].params;
    expect(set.safeParse({ name: 'crm_token', value: 'x' }).success).toBe(true);
    expect(set.safeParse({ name: 'crm token', value: 'x' }).success).toBe(false);
    expect(set.safeParse({ name: 'crm_token', value: '' }).success).toBe(false);
  });

  it('refuses settings patches with unknown keys or non-http URLs', () => {
    const update = hostCalls['settings.update'].params;
    expect(update.safeParse({ theme: 'dark' }).success).toBe(true);
    expect(update.safeParse({ supabaseUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(update.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('types the API as namespaces of named methods', () => {
    expectTypeOf<HostApi['connectors']['save']>().parameter(0).toHaveProperty('baseHash');
    expectTypeOf<ReturnType<HostApi['workspace']['pickFolder']>>().resolves.toEqualTypeOf<HostCallResult<'workspace.pickFolder'>>();
  });
});
