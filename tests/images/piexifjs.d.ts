// piexifjs ships no types; these are the few calls the image fixtures make.
declare module 'piexifjs' {
  const piexif: {
    GPSIFD: Record<string, number>;
    GPSHelper: { degToDmsRational(degrees: number): [number, number][] };
    dump(exif: Record<string, Record<number, unknown>>): string;
    insert(exif: string, jpeg: string): string;
    load(jpeg: string): Record<string, Record<number, unknown> | null>;
  };
  export default piexif;
}
