/**
 * `npm run model:download`: fetch the embedding model into models/ where a network is available.
 * HF_REMOTE_HOST points at a mirror; EMBED_MODEL picks another model. Then `npm run index` builds the dense index.
 */
import { downloadModel } from '../embed/download-model.js';
import { loadEmbedConfig } from '../embed/model-config.js';

const cfg = loadEmbedConfig(process.env, { allowRemote: true });
console.log(`downloading ${cfg.modelId} from ${cfg.remoteHost} into ${cfg.modelsDir} …`);
try {
  const result = await downloadModel(cfg, (p) => {
    if (p.status === 'done' && p.file) console.log(`  ${p.file}`);
  });
  console.log(`done: ${result.files.length} files in ${result.modelDir}; now run npm run index`);
} catch (err) {
  console.error(`download failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error('no network here? copy the model folder into models/ by hand, or set HF_REMOTE_HOST to a reachable mirror');
  process.exit(1);
}
