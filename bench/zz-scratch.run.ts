import { test } from 'vitest';
import { runEngine, runFloor } from './engine-throughput';
test('quick', async () => {
	const floor = await runFloor(100, 50);
	const ours = await runEngine(100, 50);
	console.log('ours ms/exchange', ours / 5000, 'floor', floor / 5000, 'ratio', ours / floor);
}, 300000);
