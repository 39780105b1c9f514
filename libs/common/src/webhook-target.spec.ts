import { isPrivateAddress, webhookTargetProblem } from './webhook-target';

describe('webhook targets', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.8', true],
    ['172.20.1.1', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['2a00:1450:4001:80b::200e', false],
  ])('%s private: %s', (address, expected) => expect(isPrivateAddress(address)).toBe(expected));

  it('allows anything http(s) outside production, and only public https in production', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:8080/hook', false)).toBeUndefined();
    expect(await webhookTargetProblem('http://93.184.216.34/hook', true)).toBe('must use https');
    expect(await webhookTargetProblem('https://169.254.169.254/latest', true)).toMatch(/private/);
    expect(await webhookTargetProblem('https://93.184.216.34/hook', true)).toBeUndefined();
    expect(await webhookTargetProblem('not a url', true)).toBe('not a URL');
  });

  it('without resolving (deliveries, whose client checks on connect) still refuses private address literals and http', async () => {
    expect(await webhookTargetProblem('https://localhost/hook', true)).toMatch(/private/);
    expect(await webhookTargetProblem('https://localhost/hook', true, { resolve: false })).toBeUndefined();
    expect(await webhookTargetProblem('https://10.0.0.8/hook', true, { resolve: false })).toMatch(/private/);
    expect(await webhookTargetProblem('http://93.184.216.34/hook', true, { resolve: false })).toBe('must use https');
  });
});
