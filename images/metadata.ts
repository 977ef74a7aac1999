/** The image's own metadata: only GPS matters to the rules (exifr reads JPEG, PNG, HEIC, TIFF). */
import exifr from 'exifr';

export async function readGps(bytes: Uint8Array): Promise<{ latitude: number; longitude: number } | null> {
  // Only the GPS block is parsed; an image without EXIF answers undefined.
  const gps = (await exifr.gps(bytes)) as { latitude?: number; longitude?: number } | undefined;
  if (!gps || typeof gps.latitude !== 'number' || typeof gps.longitude !== 'number') return null;
  if (!Number.isFinite(gps.latitude) || !Number.isFinite(gps.longitude)) return null;
  return { latitude: gps.latitude, longitude: gps.longitude };
}
