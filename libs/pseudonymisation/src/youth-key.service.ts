import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { normaliseBsn } from './bsn';
import { Sealer } from './sealer';
import { serviceNumber, Sex } from './service-number';

/** How a youth is identified in a request; never stored, logged or put in a job. */
export type YouthIdentifier = { bsn: string } | { surname: string; birthDate: string; sex: Sex };

export interface YouthKey {
  /** HMAC-SHA-256 of the identifier under the current pseudonym key. */
  key: Buffer;
  version: number;
}

/**
 * Derives the youth key: a keyed hash of the BSN or the verwijsindexservicenummer.
 * Matching needs only equality of keys; without VIR_PSEUDONYM_KEY a key cannot be tied to a BSN.
 * The two kinds of identifier are domain-separated so a service number can never equal a BSN.
 */
@Injectable()
export class YouthKeyService {
  private readonly secret: Buffer;
  readonly version: number;
  private readonly previous: { version: number; secret: Buffer }[];

  constructor(config: AppConfig) {
    this.secret = Buffer.from(config.VIR_PSEUDONYM_KEY, 'utf8');
    this.version = config.VIR_PSEUDONYM_KEY_VERSION;
    this.previous = (config.VIR_PSEUDONYM_PREVIOUS_KEYS ?? '')
      .split(';')
      .filter((pair) => pair.length > 0)
      .map((pair) => {
        const at = pair.indexOf(':');
        return { version: Number(pair.slice(0, at)), secret: Buffer.from(pair.slice(at + 1), 'utf8') };
      })
      .filter((key) => key.version !== this.version);
  }

  /** During a key rotation: the youth's keys under the earlier versions, to re-key stored rows. */
  previousKeys(youth: YouthIdentifier): YouthKey[] {
    const subject = this.subject(youth);
    return this.previous.map(({ version, secret }) => ({
      key: createHmac('sha256', secret).update(subject, 'utf8').digest(),
      version,
    }));
  }

  /** The current key followed by the earlier ones: for finding every stored row of a youth. */
  allKeys(youth: YouthIdentifier): Buffer[] {
    return [this.derive(youth).key, ...this.previousKeys(youth).map((k) => k.key)];
  }

  /**
   * A BSN the index must read back later (a registration awaiting the BRP's verification, a youth
   * followed in the BRP), sealed
   * under the current key version; it opens as long as that version is current or listed as previous.
   */
  sealBsn(bsn: string): { sealed: Buffer; version: number } {
    return { sealed: this.bsnSealer(this.secret).seal(bsn), version: this.version };
  }

  /** The BSN of `sealBsn`; null when its key version is no longer held (rotated out) or the seal does not open. */
  unsealBsn(sealed: Buffer, version: number): string | null {
    const secret = version === this.version ? this.secret : this.previous.find((p) => p.version === version)?.secret;
    if (!secret) return null;
    try {
      return this.bsnSealer(secret).unseal(sealed);
    } catch {
      return null;
    }
  }

  private readonly sealers = new Map<Buffer, Sealer>();

  private bsnSealer(secret: Buffer): Sealer {
    let sealer = this.sealers.get(secret);
    if (!sealer) {
      sealer = new Sealer(secret.toString('utf8'), 'bsn-awaiting-verification');
      this.sealers.set(secret, sealer);
    }
    return sealer;
  }

  /**
   * The keys of a youth's parents as the BRP registers them (for the family match, Jw 7.1.2.3(1)(e)):
   * keyed hashes of their BSNs, domain-separated from youth keys, under the current key version.
   */
  parentKeys(parentBsns: string[]): Buffer[] {
    return [...new Set(parentBsns)].map((bsn) => this.parentKey(this.secret, bsn));
  }

  /** During a key rotation: each parent's keys under the earlier versions, to re-key stored rows. */
  previousParentKeys(parentBsn: string): Buffer[] {
    return this.previous.map(({ secret }) => this.parentKey(secret, parentBsn));
  }

  private parentKey(secret: Buffer, bsn: string): Buffer {
    return createHmac('sha256', secret).update(`parent:${bsn}`, 'utf8').digest();
  }

  /**
   * The keys of a residential address for the address match (Jw 7.1.2.3(1)(d)): of its BAG id
   * (`address`, what matches) and of its postcode and house number (`place`, what an entry of the
   * exclusion register by postcode covers) — keyed hashes, domain-separated from every other key,
   * under the current key version.
   */
  addressKeys(address: { addressId: string; place: string | null }): { addressKey: Buffer; placeKey: Buffer | null } {
    return {
      addressKey: this.keyed(this.secret, `address:${address.addressId}`),
      placeKey: address.place === null ? null : this.keyed(this.secret, `place:${address.place}`),
    };
  }

  /** An address's keys under every version held (current first): to find its rows whatever version wrote them. */
  everyAddressKey(addressId: string): Buffer[] {
    return [this.secret, ...this.previous.map((p) => p.secret)].map((secret) =>
      this.keyed(secret, `address:${addressId}`),
    );
  }

  /** A place's (postcode and house number) keys under every version held (current first). */
  everyPlaceKey(place: string): Buffer[] {
    return [this.secret, ...this.previous.map((p) => p.secret)].map((secret) => this.keyed(secret, `place:${place}`));
  }

  private keyed(secret: Buffer, subject: string): Buffer {
    return createHmac('sha256', secret).update(subject, 'utf8').digest();
  }

  derive(youth: YouthIdentifier): YouthKey {
    return {
      key: createHmac('sha256', this.secret).update(this.subject(youth), 'utf8').digest(),
      version: this.version,
    };
  }

  private subject(youth: YouthIdentifier): string {
    let subject: string;
    if ('bsn' in youth) {
      const bsn = normaliseBsn(youth.bsn);
      if (!bsn) throw new Error('derive() needs a validated BSN');
      subject = `bsn:${bsn}`;
    } else {
      subject = `vsn:${serviceNumber(youth.surname, youth.birthDate, youth.sex)}`;
    }
    return subject;
  }
}
