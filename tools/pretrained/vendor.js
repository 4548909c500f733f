// Vendors the pretrained backbones into src/main/resources/org/ichnet/backbones/<name>/ as
// model.json (Keras topology cut after the deepest layer ichnet uses, and a manifest of one group)
// plus weights.bin (the kept weights, in the source's own dtype and quantization: nothing re-rounded).
//
//   npm install            (here; @tensorflow/tfjs and nsfwjs@4.4.0 from the npm registry)
//   node vendor.js ../../../shared/pretrained/mobilenet-v1-1.0-224-tfjs
//
// Prints each written file's sha256, for the backbone specs in org.ichnet.model.Backbones.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const OUT = path.resolve(__dirname, '../../src/main/resources/org/ichnet/backbones');

function cut(topology, lastLayer) {
  const config = topology.model_config.config;
  const at = config.layers.findIndex(l => l.config.name === lastLayer);
  if (at < 0) throw new Error('no layer ' + lastLayer);
  config.layers = config.layers.slice(0, at + 1);
  config.output_layers = [[lastLayer, 0, 0]];
  return new Set(config.layers.map(l => l.config.name));
}

function bytesOf(spec) {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const dtype = spec.quantization ? spec.quantization.dtype : spec.dtype;
  return count * { float32: 4, int32: 4, float16: 2, uint16: 2, uint8: 1 }[dtype];
}

/** groups: [{paths, weights}] with shard buffers from readShard; keeps the weights of the layers in keep. */
function repack(name, topology, groups, readShard, lastLayer, notice) {
  const keep = cut(topology, lastLayer);
  const kept = [], buffers = [];
  for (const group of groups) {
    const data = Buffer.concat(group.paths.map(readShard).filter(b => b !== null));
    let offset = 0;
    const complete = group.paths.every(p => readShard(p) !== null);
    for (const spec of group.weights) {
      const size = bytesOf(spec);
      if (keep.has(spec.name.split('/')[0])) {
        if (!complete) throw new Error(spec.name + ' is in a missing shard but its layer is kept');
        kept.push(spec);
        buffers.push(data.subarray(offset, offset + size));
      }
      offset += size;
    }
  }
  const dir = path.join(OUT, name);
  fs.mkdirSync(dir, { recursive: true });
  const model = { modelTopology: topology, weightsManifest: [{ paths: ['weights.bin'], weights: kept }] };
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
  fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.concat(buffers));
  fs.writeFileSync(path.join(dir, 'NOTICE'), notice);
  for (const f of ['model.json', 'weights.bin']) {
    const sha = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
    console.log(name + '/' + f + ' ' + sha);
  }
}

function mobilenetV1(source) {
  const model = JSON.parse(fs.readFileSync(path.join(source, 'model.json')));
  const read = p => fs.existsSync(path.join(source, p)) ? fs.readFileSync(path.join(source, p)) : null;
  repack('mobilenet_v1', model.modelTopology, model.weightsManifest, read, 'conv_dw_13_relu',
    'MobileNet v1 (width 1.0, 224x224), ImageNet weights of the TensorFlow.js models release\n' +
    '(tfjs-models MobileNet, Keras Layers format, float32). Apache License 2.0: see LICENSE.\n' +
    'Copyright Google LLC. Changed by ichnet: the topology is cut after conv_dw_13_relu and the\n' +
    'weights of the kept layers are packed into weights.bin unchanged (conv_pw_13 and the\n' +
    'classifier were dropped; conv_pw_13/kernel is missing from the copy that could be had).\n');
}

function mobilenetV2() {
  const dir = path.join(__dirname, 'node_modules/nsfwjs');
  const src = path.join(dir, 'dist/models/mobilenet_v2');
  const load = f => { const m = require(path.join(src, f)); return m.default ?? m; };
  const model = load('model.min.js');
  const read = p => Buffer.from(load(p + '.min.js'), 'base64');
  repack('mobilenet_v2', model.modelTopology, model.weightsManifest, read, 'out_relu',
    'MobileNetV2 (width 1.0, 224x224) from the npm package nsfwjs@4.4.0 (dist/models/mobilenet_v2),\n' +
    'Copyright (c) 2019 Infinite Red, Inc., MIT License: see LICENSE. Its weights are ImageNet\'s up to\n' +
    'block_10 and were fine-tuned on 5 non-medical image classes after it; uint8 affine-quantized\n' +
    '(min + scale*q per tensor). Changed by ichnet: the topology is cut after out_relu (the NSFW\n' +
    'classifier dropped) and the kept weights are packed into weights.bin with their quantization unchanged.\n');
}

mobilenetV1(process.argv[2] || path.resolve(__dirname, '../../../shared/pretrained/mobilenet-v1-1.0-224-tfjs'));
mobilenetV2();
