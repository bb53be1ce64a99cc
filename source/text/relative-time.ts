/** "now", "5m", "3h", "2d", "4w", then the date: short enough for a headline row. */
export function relativeAge(iso: string | null, now: Date): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	if (Number.isNaN(time)) return '';
	const minutes = Math.max(0, Math.round((now.getTime() - time) / 60_000));
	if (minutes < 1) return 'now';
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(hours / 24);
	if (days < 14) return `${days}d`;
	if (days < 60) return `${Math.round(days / 7)}w`;
	return new Date(time).toISOString().slice(0, 10);
}
