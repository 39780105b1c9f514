import { brpChange } from './brp-change-rules';

describe('brpChange', () => {
  it('sees a death, a move, a first municipality and no change', () => {
    expect(brpChange('0983', { deceased: true, municipalityCode: '0983' })).toEqual({ kind: 'deceased' });
    expect(brpChange('0983', { deceased: false, municipalityCode: '0889' })).toEqual({
      kind: 'moved',
      from: '0983',
      to: '0889',
    });
    expect(brpChange('0983', { deceased: false, municipalityCode: '1999' })).toEqual({
      kind: 'moved',
      from: '0983',
      to: '1999',
    });
    expect(brpChange(null, { deceased: false, municipalityCode: '0983' })).toEqual({ kind: 'learned', to: '0983' });
    expect(brpChange('0983', { deceased: false, municipalityCode: '0983' })).toEqual({ kind: 'none' });
    expect(brpChange('0983', { deceased: false, municipalityCode: null })).toEqual({ kind: 'none' });
    expect(brpChange('0983', undefined)).toEqual({ kind: 'none' });
  });
});
