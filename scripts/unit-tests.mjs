// The unit tests of src/ in one Node process (`npm run test:unit`): each file imported in turn, so
// tsx starts once, not once per file — seconds instead of a minute. Run under `node --import tsx`.
import { pathToFileURL } from "node:url";
import { projectRoot, testFiles } from "./test-files.mjs";

for (const file of testFiles("src")) await import(pathToFileURL(`${projectRoot}/${file}`).href);
