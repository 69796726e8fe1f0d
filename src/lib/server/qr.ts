import QRCode from 'qrcode';

/** An SVG QR code for a link, drawn on the server so the page needs no script for it. */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
