import { render } from 'preact';
import '../../components/page.css';
import '../../components/popup/popup.css';
import { Popup } from '../../components/popup/Popup';
import { loadPopupData } from '../../components/popup/load';
import { watchSettingsState } from '../../settings/store';

// The toolbar popup: what Second Look found in the active tab's draft (components/popup/).
render(
  <Popup load={loadPopupData} watch={(onChange) => watchSettingsState(onChange)} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
