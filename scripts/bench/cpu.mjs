/**
 * What the in-process benchmarks share: this process's CPU clock and the
 * median of repeated measurements (one slow round on a shared machine moves a
 * median, not the figure).
 */

/** CPU milliseconds of this process (user and system). */
export function cpuMs() {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

/**
 * The middle value (the mean of the two middle ones for an even count).
 *
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
