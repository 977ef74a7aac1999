import { startBackground } from '../background';

// The background worker; everything it does lives in background/.
export default defineBackground(() => startBackground());
