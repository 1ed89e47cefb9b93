import { test } from 'vitest';
import { runEngine, runFloor } from './engine-throughput';
test('quick', async () => {
	const ours = await runEngine(20, 50);
	const floor = await runFloor(20, 50);
	console.log('ours ms/exchange', ours / 1000, 'floor', floor / 1000);
}, 120000);
