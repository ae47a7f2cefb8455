// Workflow histories as JSON files (the proto3 JSON of `temporal workflow show
// --output json`), for replay tests.
//
// Why not historyToJSON/historyFromJSON of @temporalio/common/lib/proto-utils:
// in this install @temporalio/common and @temporalio/proto each carry their own
// copy of protobufjs 8, and protojson's `instanceof Type` check fails across the
// two ("type must be a Type"). The same conversion with the protobufjs copy that
// @temporalio/proto itself uses works.
import type { Client } from '@temporalio/client';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type History = proto.temporal.api.history.v1.IHistory;

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

function historyCodec() {
  const fromProto = createRequire(require.resolve('@temporalio/proto/package.json'));
  const protojson = fromProto('protobufjs/ext/protojson') as ProtoJson;
  const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
  const historyType = root.lookupType('temporal.api.history.v1.History');
  return { protojson, historyType };
}

export function historyToJson(history: History): string {
  const { protojson, historyType } = historyCodec();
  return JSON.stringify(protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 2);
}

export function historyFromJson(json: unknown): History {
  const { protojson, historyType } = historyCodec();
  const history = protojson.fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!history) throw new TypeError('not a workflow history');
  return history as History;
}

/** The committed replay fixtures (see test/integration/workflows/replay.int.spec.ts). */
export const HISTORY_FIXTURES = path.join(__dirname, '..', 'fixtures', 'histories');

/** Whether this run records replay fixtures (DONDOC_RECORD_HISTORIES=1): tests that do save the histories they made. */
export const recordingHistories = process.env.DONDOC_RECORD_HISTORIES === '1';

/** Saves a workflow's history as a compact fixture `<name>.json`, when recording. */
export async function saveHistoryFixture(client: Client, workflowId: string, name: string): Promise<void> {
  if (!recordingHistories) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(HISTORY_FIXTURES, { recursive: true });
  writeFileSync(path.join(HISTORY_FIXTURES, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJson(history)))}\n`);
}
