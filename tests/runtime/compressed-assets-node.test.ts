import { startLiveServer } from '../helpers/live-server.ts';
import { defineCompressedAssetsSuite } from './compressed-assets-suite.ts';

// Node in process: the Node entry's boot and site (@hono/node-server) on a real socket.
defineCompressedAssetsSuite('node', () => startLiveServer({ KABINET_SEED_CLICKS: '200' }));
