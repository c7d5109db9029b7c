// For sibling packages and tests: pieces below the public API.
export * from './index.js';
export { FrameSplitter } from './capture-proxy.js';
export { canConnect, sleep } from './net.js';
export { configCommand, javaClasspath, nativePrefix } from './paths.js';
export { spawnTracked, stopChild, watchdog } from './process.js';
export { onPath } from './tools.js';
