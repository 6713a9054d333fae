// Signs in to a user pool with AWS Amplify JS, the way an Amplify app does (SRP by default), and prints what
// happened, one "key=value" a line, for the Java test that runs this script against LocalCognito.
//
// Environment: COGNITO_ENDPOINT (http://127.0.0.1:<port>), USER_POOL_ID, CLIENT_ID, COGNITO_USERNAME,
// COGNITO_PASSWORD, and NEW_PASSWORD to answer a NEW_PASSWORD_REQUIRED challenge.
// Output: signInStep=<step> after each step, then username=<access token's username>, tokenUse=<its token_use>.
// A failure prints error=<name>: <message> and exits with status 2. Tokens and passwords are never printed.
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.log(`error=MissingEnvironment: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const endpoint = required('COGNITO_ENDPOINT');
const userPoolId = required('USER_POOL_ID');
const userPoolClientId = required('CLIENT_ID');
const username = required('COGNITO_USERNAME');
const password = required('COGNITO_PASSWORD');
const newPassword = process.env.NEW_PASSWORD;

// Node has no localStorage: keep the tokens in memory for this one run.
const memory = new Map();
cognitoUserPoolsTokenProvider.setKeyValueStorage({
  async setItem(key, value) { memory.set(key, value); },
  async getItem(key) { return memory.has(key) ? memory.get(key) : null; },
  async removeItem(key) { memory.delete(key); },
  async clear() { memory.clear(); },
});

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId,
      userPoolClientId,
      userPoolEndpoint: endpoint,
      loginWith: { username: true },
    },
  },
});

try {
  let result = await signIn({ username, password });
  console.log(`signInStep=${result.nextStep.signInStep}`);
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' && newPassword) {
    result = await confirmSignIn({ challengeResponse: newPassword });
    console.log(`signInStep=${result.nextStep.signInStep}`);
  }
  if (result.isSignedIn) {
    const { tokens } = await fetchAuthSession();
    console.log(`username=${tokens.accessToken.payload.username}`);
    console.log(`tokenUse=${tokens.accessToken.payload.token_use}`);
  }
} catch (error) {
  console.log(`error=${error.name}: ${error.message}`);
  process.exit(2);
}
