import { isPublicAddress, webhookTargetProblem } from './webhook-target';

describe('webhook targets', () => {
  it.each([
    ['127.0.0.1'],
    ['10.0.0.8'],
    ['172.16.4.1'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['192.0.0.8'],
    ['192.0.2.10'],
    ['198.18.0.1'],
    ['224.0.0.1'],
    ['240.0.0.1'],
    ['255.255.255.255'],
    ['::'],
    ['::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['::127.0.0.1'],
    ['64:ff9b::7f00:1'],
    ['64:ff9b::a00:8'],
    ['2002:7f00:1::'],
    ['2001::1'],
    ['2001:db8::1'],
    ['fc00::1'],
    ['fd12:3456::1'],
    ['fe80::1'],
    ['ff02::1'],
    ['not-an-address'],
  ])('refuses the special-purpose address %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([['93.184.216.34'], ['8.8.8.8'], ['2606:4700:4700::1111'], ['[2a00:1450:400e:80f::200e]']])(
    'accepts the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('fails closed: without the development switch only public https URLs pass', async () => {
    const strict = { allowPrivate: false };
    expect(await webhookTargetProblem('https://93.184.216.34/hook', strict)).toBeUndefined();
    expect(await webhookTargetProblem('http://93.184.216.34/hook', strict)).toBe('must use https');
    expect(await webhookTargetProblem('https://169.254.169.254/latest', strict)).toMatch(/private/);
    expect(await webhookTargetProblem('https://[::ffff:127.0.0.1]/hook', strict)).toMatch(/private/);
    expect(await webhookTargetProblem('https://[64:ff9b::7f00:1]/hook', strict)).toMatch(/private/);
    expect(await webhookTargetProblem('https://[2002:7f00:1::]/hook', strict)).toMatch(/private/);
    expect(await webhookTargetProblem('https://localhost/hook', strict)).toMatch(/private/);
    expect(await webhookTargetProblem('https://user:pw@93.184.216.34/hook', strict)).toMatch(/user name/);
    expect(await webhookTargetProblem('ftp://93.184.216.34/hook', strict)).toMatch(/http or https/);
    expect(await webhookTargetProblem('not a url', strict)).toBe('not a URL');
  });

  it('allows http and inward targets only when explicitly switched on for development', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:8080/hook', { allowPrivate: true })).toBeUndefined();
  });

  it('without resolving (deliveries, whose client checks on connect) still refuses inward address literals and http', async () => {
    const strict = { allowPrivate: false, resolve: false };
    expect(await webhookTargetProblem('https://localhost/hook', strict)).toBeUndefined();
    expect(await webhookTargetProblem('https://10.0.0.8/hook', strict)).toMatch(/private/);
    expect(await webhookTargetProblem('http://93.184.216.34/hook', strict)).toBe('must use https');
  });
});
