// Uploads a file with the official Azure IoT Node.js device SDK's Client.uploadToBlob (its whole
// flow: SAS URI from the hub over HTTPS, the blob through @azure/storage-blob, the notification).
// Run by NodeSdkFileUploadCompatibilityTest:
//   node upload.js CONNECTION_STRING BLOB_NAME FILE
// with NODE_EXTRA_CA_CERTS set to the test node's CA certificate. Exits 0 once the SDK reports the
// upload complete; otherwise prints the SDK's error and exits 1.
'use strict';
const fs = require('fs');
const { Client } = require('azure-iot-device');
const { Mqtt } = require('azure-iot-device-mqtt');

async function main([connectionString, blobName, file]) {
  if (!connectionString || !blobName || !file) {
    throw new Error('usage: node upload.js CONNECTION_STRING BLOB_NAME FILE');
  }
  const client = Client.fromConnectionString(connectionString, Mqtt);
  const size = fs.statSync(file).size;
  await client.uploadToBlob(blobName, fs.createReadStream(file), size);
  console.log(`uploaded ${size} bytes as ${blobName}`);
}

main(process.argv.slice(2)).then(() => process.exit(0), (error) => {
  console.error(`upload failed: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
