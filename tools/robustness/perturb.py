#!/usr/bin/python3
"""Usage: python3 perturb.py RUN_DIR OUT_DIR [NAME...]  (needs Debian python3-pil; ICHNET_SHARED=folder with ct-ich/ and phe-sich-ct-ids/)

Perturbed copies of a run's held-out test slices (both sources), as image folders with a two-column labels.csv,
for `ichnet test`: how the shipped model holds up under other framings, orientations, sizes, colour and windowing."""
import csv, os, sys, random
from PIL import Image, ImageDraw, ImageFont, ImageEnhance

run, out = sys.argv[1], sys.argv[2]
shared = os.environ.get('ICHNET_SHARED', '../shared/data')
CT = f'{shared}/ct-ich'; PHE = f'{shared}/phe-sich-ct-ids'
any_ct = {}
with open(f'{CT}/hemorrhage_diagnosis.csv', encoding='utf-8-sig') as f:
    for r in csv.DictReader(f):
        any_ct[(int(r['PatientNumber']), int(r['SliceNumber']))] = int(r['No_Hemorrhage']) == 0
phe_lab = {}
with open(f'{PHE}/labels.csv') as f:
    for r in csv.DictReader(f):
        phe_lab[r['filename']] = int(r['label'])
items = []  # (name, path, label)
for r in csv.DictReader(open(f'{run}/split.csv')):
    if r['role'] != 'test': continue
    src, pat = r['patient'].split(':'); sl = int(r['slice'])
    if src == 'ct-ich':
        items.append((f'ct{pat}_{sl}', f'{CT}/Patients_CT/{int(pat):03d}/brain/{sl}.jpg', int(any_ct[(int(pat), sl)])))
    else:
        fn = f'{pat}_{sl:02d}.png' if os.path.exists(f'{PHE}/images/{pat}_{sl:02d}.png') else f'{pat}_{sl}.png'
        items.append((f'phe{pat}_{sl}', f'{PHE}/images/{fn}', phe_lab[fn]))
rnd = random.Random(7)

def loose(im):  # head small and off-centre on a larger black canvas
    w, h = im.size; s = int(max(w, h) * 1.8)
    c = Image.new('L', (s, s)); c.paste(im, (rnd.randint(0, s - w), rnd.randint(0, s - h))); return c
def tight(im):  # crop to the central 70%: the skull is cut at the edges
    w, h = im.size; return im.crop((int(w*.15), int(h*.15), int(w*.85), int(h*.85)))
def burnt(im):  # RGB, a letter and an arrow burnt in, as figures in publications
    c = im.convert('RGB'); d = ImageDraw.Draw(c); w, h = c.size
    font = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', max(12, h // 10))
    d.text((w*0.04, h*0.03), 'A', fill=(255, 255, 255), font=font)
    d.text((w*0.80, h*0.88), '5 cm', fill=(255, 255, 255), font=ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', max(8, h // 20)))
    x, y = w*0.7, h*0.3; d.line((x, y, x+w*0.12, y-h*0.12), fill=(255, 255, 0), width=max(2, w//100))
    d.polygon([(x, y), (x+w*0.05, y-h*0.01), (x+w*0.01, y-h*0.05)], fill=(255, 255, 0)); return c
def contrast(im): return ImageEnhance.Contrast(im).enhance(1.3)
def darker(im): return ImageEnhance.Brightness(im).enhance(0.8)
def big(im): return im.resize((512, 512), Image.BICUBIC)
def small(im): return im.resize((160, 160), Image.BILINEAR)
def turn90(im): return im.rotate(90, expand=True)
def turn180(im): return im.rotate(180)
def jpeg(im): return im  # saved as JPEG quality 30 below
PERTURB = {'identity': lambda im: im, 'loose-framing': loose, 'tight-framing': tight, 'rgb-text-arrow': burnt,
           'contrast+30': contrast, 'darker-20': darker, 'size-512': big, 'size-160': small, 'turn-90': turn90,
           'turn-180': turn180, 'jpeg-q30': jpeg}
only = sys.argv[3:]
for name, fn in PERTURB.items():
    if only and name not in only: continue
    d = f'{out}/{name}'; os.makedirs(d, exist_ok=True)
    rows = []
    for base, path, label in items:
        im = Image.open(path).convert('L'); p = fn(im)
        ext = 'jpg' if name == 'jpeg-q30' else 'png'
        p.save(f'{d}/{base}.{ext}', quality=30) if ext == 'jpg' else p.save(f'{d}/{base}.{ext}')
        rows.append((f'{base}.{ext}', label))
    with open(f'{d}/labels.csv', 'w') as f:
        f.write('file,any_hemorrhage\n'); [f.write(f'{a},{b}\n') for a, b in rows]
    print(name, len(rows), sum(b for _, b in rows))
