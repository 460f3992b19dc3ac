export * as authService from './auth.service.js';
