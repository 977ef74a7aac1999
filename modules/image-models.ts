/**
 * Puts the image models into the extension package (models/): face-api's face detector and age
 * model, TensorFlow.js's WebAssembly kernels, and Tesseract's worker, core and English model.
 * They are copied from node_modules at build time rather than committed, and loaded from the
 * package at run time (images/browser.ts): nothing is downloaded.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

const require = createRequire(import.meta.url);
const dir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Output folder -> [package, path inside it]. Only the files the extension loads. */
const FILES: Record<string, [string, string][]> = {
  'models/face': [
    ['@vladmandic/face-api', 'model/tiny_face_detector_model-weights_manifest.json'],
    ['@vladmandic/face-api', 'model/tiny_face_detector_model.bin'],
    ['@vladmandic/face-api', 'model/age_gender_model-weights_manifest.json'],
    ['@vladmandic/face-api', 'model/age_gender_model.bin'],
  ],
  'models/tfjs': [
    // tfjs picks the SIMD build where WebAssembly SIMD exists, the plain one elsewhere; the
    // threaded build needs cross-origin isolation, which extension pages do not have.
    ['@tensorflow/tfjs-backend-wasm', 'dist/tfjs-backend-wasm.wasm'],
    ['@tensorflow/tfjs-backend-wasm', 'dist/tfjs-backend-wasm-simd.wasm'],
  ],
  'models/ocr': [
    ['tesseract.js', 'dist/worker.min.js'],
    ['tesseract.js-core', 'tesseract-core-simd-lstm.wasm.js'],
    ['@tesseract.js-data/eng', '4.0.0_best_int/eng.traineddata.gz'],
  ],
};

export default defineWxtModule({
  name: 'image-models',
  setup(wxt) {
    wxt.hook('build:publicAssets', (_wxt, files) => {
      for (const [folder, list] of Object.entries(FILES))
        for (const [pkg, path] of list) files.push({ absoluteSrc: join(dir(pkg), path), relativeDest: `${folder}/${path.split('/').pop()}` });
    });
  },
});
