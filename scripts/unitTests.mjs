// The unit tests (src/'s and the kernel-free files of tests/, scripts/testFiles.mjs) in one Node
// process: each file imported in turn, so tsx starts once, not once per file — seconds instead of a
// minute. Run under `node --import tsx` (`npm run test:unit`), or as one file of `npm test`'s runner.
import { pathToFileURL } from "node:url";
import { projectRoot, unitTestFiles } from "./testFiles.mjs";

for (const file of unitTestFiles()) await import(pathToFileURL(`${projectRoot}/${file}`).href);
