'use client';

import { useActionState } from 'react';
import { profileCity, type ProfileState } from './actions';

export default function ObjectPage() {
  const [state, action, pending] = useActionState<ProfileState, FormData>(profileCity, {});
  const profile = state.profile;

  return (
    <>
      <h1>A form filled by a typed object</h1>
      <p className="note">
        A server action asks for an object with a zod schema (<code>Output.object</code>, sent as a
        JSON schema) and the fields below are filled from it.
      </p>
      <form action={action}>
        <input
          type="text"
          name="city"
          aria-label="City to profile"
          defaultValue={state.city ?? 'Kyoto'}
        />
        <button type="submit" disabled={pending}>
          {pending ? 'Generating…' : 'Generate profile'}
        </button>
      </form>
      {state.error != null && <p role="alert">{state.error}</p>}
      <fieldset data-testid="profile" disabled={profile == null}>
        <label htmlFor="profile-city">City</label>
        <input id="profile-city" readOnly value={profile?.city ?? ''} />
        <label htmlFor="profile-country">Country</label>
        <input id="profile-country" readOnly value={profile?.country ?? ''} />
        <label htmlFor="profile-population">Population</label>
        <input
          id="profile-population"
          readOnly
          value={profile?.population.toLocaleString('en-US') ?? ''}
        />
        <label htmlFor="profile-known-for">Known for</label>
        <textarea
          id="profile-known-for"
          readOnly
          rows={3}
          value={profile?.knownFor.join('\n') ?? ''}
        />
      </fieldset>
    </>
  );
}
