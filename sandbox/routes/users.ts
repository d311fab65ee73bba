import type { Exchange } from '../server/exchange';
import { authenticate } from './auth';

export async function showSelf(exchange: Exchange) {
	const user = authenticate(exchange);
	if (!user) return;
	const role = user.name.split(' ').at(-1) ?? 'user';
	exchange.canvasJson(200, {
		id: user.id,
		name: user.name,
		created_at: '2025-08-18T08:00:00Z',
		sortable_name: user.sortableName,
		short_name: user.name,
		sis_user_id: null,
		integration_id: null,
		login_id: `${role.toLowerCase()}@sandbox.invalid`,
		avatar_url: `${exchange.sandbox.apiUrl}/images/messages/avatar-50.png`,
		locale: null,
		effective_locale: 'en',
		permissions: { can_update_name: true, can_update_avatar: true },
	});
}
