import { render } from 'preact';
import '../../components/page.css';
import '../../components/options/options.css';
import { Options } from '../../components/options/Options';
import { optionsStore } from '../../components/options/store';

// The options page: the organisation's settings, pack, rules and pupil list (components/options/).
render(<Options store={optionsStore} />, document.getElementById('app')!);
