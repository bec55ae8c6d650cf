// Starts Swagger UI on the page GET /docs serves. A file of its own, not an inline script, so that
// the page keeps working under a Content-Security-Policy of script-src 'self'; the page hands over
// the address of the OpenAPI document in a data- attribute for the same reason.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // Swagger UI sends the document to validator.swagger.io by default; nothing leaves the host.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
  });
})();
