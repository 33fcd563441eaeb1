#!/usr/bin/env python3
"""Inputs that try to make `stridecare import` hold more memory than its limit (issue 14, item 5).

Writes into OUT (created):
  bomb.gpx.gz          1 GiB of GPX compressed to ~4 MB, its gzip trailer honest
  six-bombs/           six copies of it
  liar.gpx.gz          the same stream, its trailer claiming 255 MiB (just under the 256 MiB limit)
  six-liars/           six copies of it
  huge.gpx             a valid GPX of 250 MiB: 3 million points 50 ms apart (42 hours; the first 1,000,000 are
                       kept: 13.9 hours)
  bare.gpx             a GPX of 250 MiB: 8 million bare track points `<trkpt lat=".." lon=".."/>`
  tiny-records.fit     a valid FIT of 32 MiB: 16 million 2-byte heart-rate records
  huge-entries.zip     three 200 MiB GPX files, deflated
  medium/              40 GPX files of 12 MiB each (~400,000 points each), read in parallel

Usage: make_hostile_inputs.py OUT
"""
import datetime
import gzip
import os
import shutil
import struct
import sys
import zipfile

HEAD = (b'<?xml version="1.0"?><gpx version="1.1" creator="bench" '
        b'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>\n')
TAIL = b'</trkseg></trk></gpx>\n'
POINT = b'<trkpt lat="46.5" lon="6.6"><time>2026-01-05T10:00:00Z</time></trkpt>\n'
BARE = b'<trkpt lat="46.5" lon="6.6"/>\n'
START = datetime.datetime(2026, 1, 1)


def gpx_stream(write, size, point):
    write(HEAD)
    block = point * 10000
    for _ in range(size // len(block)):
        write(block)
    write(TAIL)


def fit_crc(data, crc=0):
    table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
    for byte in data:
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[byte & 0xF]
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[(byte >> 4) & 0xF]
    return crc


def tiny_records_fit(path, records):
    # file_id (type activity), then a definition of `record` holding heart_rate (field 3, uint8) alone:
    # each record is a 1-byte header and 1 byte of data.
    file_id_def = bytes([0x40, 0, 0]) + struct.pack('<H', 0) + bytes([1, 0, 1, 0x00])
    file_id = bytes([0x00, 4])
    record_def = bytes([0x41, 0, 0]) + struct.pack('<H', 20) + bytes([1, 3, 1, 0x02])
    body = bytearray(file_id_def + file_id + record_def)
    body += bytes([0x01, 140]) * records
    header = struct.pack('<BBHI4s', 14, 0x20, 2132, len(body), b'.FIT')
    header += struct.pack('<H', fit_crc(header))
    data = header + bytes(body)
    with open(path, 'wb') as f:
        f.write(data)
        f.write(struct.pack('<H', fit_crc(data)))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    bomb = os.path.join(out, 'bomb.gpx.gz')
    with gzip.open(bomb, 'wb', compresslevel=9) as f:
        gpx_stream(f.write, 1 << 30, POINT)
    with open(bomb, 'rb') as f:
        data = bytearray(f.read())
    data[-4:] = struct.pack('<I', 255 << 20)
    with open(os.path.join(out, 'liar.gpx.gz'), 'wb') as f:
        f.write(data)
    for name in ('bomb', 'liar'):
        os.makedirs(os.path.join(out, f'six-{name}s'), exist_ok=True)
        for i in range(6):
            shutil.copy(os.path.join(out, f'{name}.gpx.gz'), os.path.join(out, f'six-{name}s', f'{i}.gpx.gz'))
    with open(os.path.join(out, 'bare.gpx'), 'wb') as f:
        gpx_stream(f.write, 250 << 20, BARE)
    with open(os.path.join(out, 'huge.gpx'), 'wb') as f:
        f.write(HEAD)
        written, second = 0, 0
        while written < 250 << 20:
            lines = []
            for _ in range(10000):
                t = START + datetime.timedelta(milliseconds=50 * second)
                lines.append(f'<trkpt lat="{46.5 + second * 1e-6:.6f}" lon="6.6">'
                             f'<time>{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03}Z</time></trkpt>\n')
                second += 1
            block = ''.join(lines).encode()
            f.write(block)
            written += len(block)
        f.write(TAIL)
    tiny_records_fit(os.path.join(out, 'tiny-records.fit'), 16 << 20)
    with zipfile.ZipFile(os.path.join(out, 'huge-entries.zip'), 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for i in range(3):
            with z.open(f'activities/{i}.gpx', 'w', force_zip64=True) as f:
                gpx_stream(f.write, 200 << 20, POINT)
    os.makedirs(os.path.join(out, 'medium'), exist_ok=True)
    for i in range(40):
        with open(os.path.join(out, 'medium', f'{i:02}.gpx'), 'wb') as f:
            gpx_stream(f.write, 12 << 20, BARE)


if __name__ == '__main__':
    main()
