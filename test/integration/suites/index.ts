// Every integration suite, in the order they run. Bundled into the web and the Node test runners.
import './activation.test';
import './reading.test';
import './demo.test';
import './annotations.test';
import './detection.test';
import './exchange.test';
import './analysis.test';
import './trust.test';
