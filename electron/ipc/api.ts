// The shape of `window.clsm`: `api.<domain>.<action>(input)`, one function per contract channel,
// typed from the contract. Built by the preload (Electron), the dev host's browser adapter and the
// tests' typed client over the same names list, so all three expose exactly the same API.
import type { Channel, ChannelInput, ChannelOutput, Result } from './contract';

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type ChannelFunction<C extends Channel> = (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

export type ClsmApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}.${infer A}` ? A : never]: ChannelFunction<C>;
  };
};

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

export function buildApi(channels: readonly string[], invoke: Invoke): ClsmApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [domain, action] = channel.split('.') as [string, string];
    api[domain] ??= {};
    // Only the payload crosses: no event object, no access to the transport itself.
    api[domain][action] = (input: unknown) => invoke(channel, input ?? {});
  }
  return api as unknown as ClsmApi;
}
