// Until the popup and options issue lands, both pages say plainly what is and is not there yet.
export function Placeholder({ title }: { title: string }) {
  return (
    <main>
      <h1>{title}</h1>
      <p>The checker runs from the command line (`npx second-look check`). This page comes next.</p>
    </main>
  );
}
