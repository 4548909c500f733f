// Reference activations of the vendored backbones, computed with pure-JS TensorFlow.js (CPU), for
// BackboneActivationTest: the TF Java rebuild must reproduce them to ~1e-4.
//
//   npm install && node reference-activations.js
//
// Input: linspace(-1, 1, 224*224*3) as 1x224x224x3 NHWC, fed to the network as is (already scaled
// as the network expects). Per layer it writes the shape, the mean over all values and every
// stride-th value (about 4,000), to src/test/resources/backbones/<name>-reference.json.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');

const RES = path.resolve(__dirname, '../../src/main/resources/org/ichnet/backbones');
const OUT = path.resolve(__dirname, '../../src/test/resources/backbones');
const LAYERS = {
  mobilenet_v1: ['conv1_relu', 'conv_pw_1_relu', 'conv_dw_13_relu'],
  mobilenet_v2: ['Conv1_relu', 'block_1_project_BN', 'block_2_add', 'out_relu'],
};
const SAMPLES = 4000;

async function reference(name) {
  const dir = path.join(RES, name);
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json')));
  const bin = fs.readFileSync(path.join(dir, 'weights.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const net = await tf.loadLayersModel(tf.io.fromMemory(model.modelTopology, model.weightsManifest[0].weights, weightData));
  const probe = tf.model({ inputs: net.inputs, outputs: LAYERS[name].map(l => net.getLayer(l).output) });
  const input = tf.linspace(-1, 1, 224 * 224 * 3).reshape([1, 224, 224, 3]);
  const outputs = probe.predict(input);
  const layers = {};
  LAYERS[name].forEach((layer, i) => {
    const values = outputs[i].dataSync();
    const stride = Math.max(1, Math.floor(values.length / SAMPLES));
    const sampled = [];
    for (let k = 0; k < values.length; k += stride) sampled.push(values[k]);
    let sum = 0;
    for (const v of values) sum += v;
    layers[layer] = { shape: outputs[i].shape, mean: sum / values.length, stride, values: sampled };
    console.log(name, layer, outputs[i].shape.join('x'), 'mean', (sum / values.length).toFixed(6),
      'first', Array.from(values.slice(0, 5)).map(v => v.toFixed(5)).join(' '));
  });
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, name + '-reference.json'), JSON.stringify({
    tool: '@tensorflow/tfjs ' + tf.version.tfjs + ' (cpu backend)',
    input: 'linspace(-1, 1, 224*224*3) reshaped to 1x224x224x3 (NHWC), fed to the network unscaled',
    layers,
  }));
}

(async () => {
  await tf.setBackend('cpu');
  for (const name of Object.keys(LAYERS)) await reference(name);
})();
