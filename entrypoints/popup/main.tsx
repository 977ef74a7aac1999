import { render } from 'preact';
import { Placeholder } from '../../components/Placeholder';

render(<Placeholder title="Second Look" />, document.getElementById('app')!);
