// Lets each mapsim <iframe> on a page follow the height of what it shows.
//
// An embedded mapsim view posts { type: "mapsim:height", height, ready } to its parent page
// whenever its content changes height (the model has drawn, a details panel opened, the
// frame got narrower). This script sets the height of the <iframe> that sent it. Include it
// once on the lesson page, after the frames:
//   <script src="embed-resize.js"></script>
// or copy these lines into your own script. It makes no request and reads nothing else.
(function () {
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'mapsim:height' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // The frame's own border and padding come on top (a page may size boxes by their
        // border edge).
        var frame = frames[i];
        var edges = frame.offsetHeight - frame.clientHeight;
        frame.height = String(Math.ceil(data.height) + (edges > 0 ? edges : 0));
      }
    }
  });
})();
