// locate.js: "use my location" through the browser's geolocation, with a message a person can act
// on when it is refused, unavailable or slow (the list keeps working from the current origin).

export function locate({ button, onFound, onError }) {
  if (!('geolocation' in navigator)) return onError('locate.unsupported');
  if (!window.isSecureContext) return onError('locate.insecure');
  // Busy, not disabled: a disabled button would drop the keyboard focus to the page.
  if (button.getAttribute('aria-busy') === 'true') return undefined;
  button.setAttribute('aria-busy', 'true');
  const done = () => button.removeAttribute('aria-busy');
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      done();
      onFound({ lat: pos.coords.latitude, lng: pos.coords.longitude });
    },
    (err) => {
      done();
      onError(err.code === 1 ? 'locate.denied' : err.code === 3 ? 'locate.timeout' : 'locate.unavailable');
    },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
  return undefined;
}
