// A CommonJS consumer: `require` of the package entry named in WANDB_ENTRY (and of `ai`, which
// for ai@7 is an ES module loaded through Node's require(esm)).
const ai = require('ai');
const wandb = require(process.env.WANDB_ENTRY);
const { runScenario, checkWeaveNeedsItsPeers } = require('./scenario.cjs');

runScenario({ wandb, ai, specificationVersion: process.env.SPECIFICATION_VERSION })
  .then(() => checkWeaveNeedsItsPeers(() => require('wandb-ai-provider/weave')))
  .then(
    () => console.log('ok'),
    error => {
      console.error(error);
      process.exitCode = 1;
    },
  );
