import { AppConfig } from '@vir/config';
import { isValidBsn, normaliseBsn } from './bsn';
import { normaliseSurname, serviceNumber, surnameProblem } from './service-number';
import { YouthKeyService } from './youth-key.service';

describe('BSN eleven-test', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['12345672', true], // eight digits: a leading zero is added (012345672)
    ['123456789', false], // fails the eleven-test
    ['000000000', false],
    ['00000000', false],
    ['1234567', false], // seven digits
    ['1234567890', false], // ten digits
    ['12345678a', false],
    [' 123456782', false],
    ['', false],
  ])('%s → %s', (bsn, valid) => {
    expect(isValidBsn(bsn)).toBe(valid);
  });

  it('pads eight digits to nine', () => {
    expect(normaliseBsn('12345672')).toBe('012345672');
  });
});

describe('verwijsindexservicenummer', () => {
  it.each([
    ['  Öztürk-De  Vries ', 'ozturk de vries'],
    ["d'Ancona", 'd ancona'],
    ['JANSSEN', 'janssen'],
    ['van  der Berg', 'van der berg'],
    ['Çelik', 'celik'],
    ['Ĳsselmuiden', 'ijsselmuiden'],
    // The documented rules (docs/api.md, "Youths without a BSN"), one row each:
    ['De Vries', 'de vries'], // case does not matter
    ['de   vries', 'de vries'], // runs of spaces are one space
    ['Öztürk', 'ozturk'], // diacritics are dropped
    ['van-der-Berg', 'van der berg'], // hyphens are spaces
    ['Van der Berg', 'van der berg'], // prefixes are kept, in any case
    ['’t Hart', 't hart'], // apostrophes are spaces
    ['St. Clair', 'st clair'], // dots are spaces
    ['vanderBerg', 'vanderberg'], // a prefix written together is another name than one written apart
    ['Straße', 'straße'], // ß is kept: Strasse is another spelling
  ])('normalises %j to %j', (raw, normalised) => {
    expect(normaliseSurname(raw)).toBe(normalised);
  });

  it.each([
    ['---', 'surname must contain letters'],
    ["'. ,", 'surname must contain letters'],
    ['1234', 'surname must not contain digits'],
    ['Smith1', 'surname must not contain digits'],
    ['Smith²', 'surname must not contain digits'],
    ['Jan@sen', 'surname may hold only letters, spaces, hyphens, apostrophes and dots'],
    ['Jan_sen', 'surname may hold only letters, spaces, hyphens, apostrophes and dots'],
  ])('refuses %j as a surname: %s', (surname, problem) => {
    expect(surnameProblem(surname)).toBe(problem);
  });

  it.each([['De Vries'], ["d'Ancona"], ['Öztürk-De Vries'], ['Nguyễn'], ['Пушкин'], ['St. Clair']])(
    'accepts %j as a surname',
    (surname) => {
      expect(surnameProblem(surname)).toBeUndefined();
    },
  );

  it('is deterministic and differs when any part differs', () => {
    const a = serviceNumber('De Vries', '2012-03-04', 'V');
    expect(serviceNumber(' de  VRIES', '2012-03-04', 'V')).toBe(a);
    expect(a).toMatch(/^V\d{12}$/);
    expect(serviceNumber('De Vries', '2012-03-05', 'V')).not.toBe(a);
    expect(serviceNumber('De Vries', '2012-03-04', 'M')).not.toBe(a);
    expect(serviceNumber('De Vriez', '2012-03-04', 'V')).not.toBe(a);
  });
});

describe('YouthKeyService', () => {
  const service = (key: string, version = 1) =>
    new YouthKeyService(Object.assign(new AppConfig(), { VIR_PSEUDONYM_KEY: key, VIR_PSEUDONYM_KEY_VERSION: version }));

  it('gives one key per youth, equal for 8- and 9-digit spellings, bound to the secret', () => {
    const a = service('a'.repeat(32));
    expect(a.derive({ bsn: '12345672' }).key.equals(a.derive({ bsn: '012345672' }).key)).toBe(true);
    expect(a.derive({ bsn: '123456782' }).key.equals(a.derive({ bsn: '111222333' }).key)).toBe(false);
    expect(
      service('b'.repeat(32))
        .derive({ bsn: '123456782' })
        .key.equals(a.derive({ bsn: '123456782' }).key),
    ).toBe(false);
    expect(a.derive({ bsn: '123456782' }).key.toString('hex')).not.toContain('123456782');
    expect(service('c'.repeat(32), 3).derive({ bsn: '123456782' }).version).toBe(3);
  });

  it('never lets a service number collide with a BSN', () => {
    const a = service('a'.repeat(32));
    const keys = new Set(
      [a.derive({ bsn: '123456782' }), a.derive({ surname: 'x', birthDate: '2010-01-01', sex: 'M' })].map((k) =>
        k.key.toString('hex'),
      ),
    );
    expect(keys.size).toBe(2);
  });
});

describe('a BSN sealed while it awaits the BRP', () => {
  const keys = (key: string, version: number, previous?: string) =>
    new YouthKeyService(
      Object.assign(new AppConfig(), {
        VIR_PSEUDONYM_KEY: key,
        VIR_PSEUDONYM_KEY_VERSION: version,
        VIR_PSEUDONYM_PREVIOUS_KEYS: previous,
      }),
    );

  it('is not the BSN, differs each time, and opens again under its key version', () => {
    const service = keys('a'.repeat(32), 1);
    const first = service.sealBsn('999993653');
    const second = service.sealBsn('999993653');
    expect(first.version).toBe(1);
    expect(first.sealed.toString('latin1')).not.toContain('999993653');
    expect(first.sealed.equals(second.sealed)).toBe(false);
    expect(service.unsealBsn(first.sealed, 1)).toBe('999993653');
  });

  it('opens after a rotation while the old version is listed, and not once it is gone or tampered with', () => {
    const sealed = keys('a'.repeat(32), 1).sealBsn('999993653');
    expect(keys('b'.repeat(32), 2, `1:${'a'.repeat(32)}`).unsealBsn(sealed.sealed, 1)).toBe('999993653');
    expect(keys('b'.repeat(32), 2).unsealBsn(sealed.sealed, 1)).toBeNull();
    const tampered = Buffer.from(sealed.sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(keys('a'.repeat(32), 1).unsealBsn(tampered, 1)).toBeNull();
  });
});
