/**
 * The one door from the client suites to the scripted fake W&B server, so that a move of the
 * server module changes this line only.
 */
export {
  chunk,
  completion,
  type FakeWandbServer,
  type RecordedRequest,
  type ScriptedReply,
  startFakeWandbServer,
  textStream,
  usageChunk,
} from '../../src/emulator/scripted-wandb-server.ts';
